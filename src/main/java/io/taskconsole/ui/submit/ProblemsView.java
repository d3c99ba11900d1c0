package io.taskconsole.ui.submit;

import atlantafx.base.theme.Styles;
import io.taskconsole.submit.Problem;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Every problem validation found, each with where it is, what is wrong, and how to fix it. */
public final class ProblemsView {

    private final ListView<Problem> list = new ListView<>();

    public ProblemsView(SubmitViewModel model) {
        list.setId("problems");
        list.setAccessibleText("Problems to fix before submitting");
        list.setItems(model.problems());
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.validatedProperty())
                .then("No problems: the task is ready to submit.")
                .otherwise("Validate (Ctrl+Shift+V), Dry run or Submit to check the task."));
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label what = new Label("⚠ " + p.what());
                what.setWrapText(true);
                what.getStyleClass().add(Styles.DANGER);
                Label where = new Label(p.where());
                where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                VBox box = new VBox(2, what, where);
                if (p.fix() != null && !p.fix().isBlank()) {
                    Label fix = new Label("Fix: " + p.fix());
                    fix.setWrapText(true);
                    box.getChildren().add(fix);
                }
                box.setMaxWidth(list.getWidth() - 30);
                setGraphic(box);
                setText(null);
                setAccessibleText(p.what() + " in " + p.where() + ". " + (p.fix() == null ? "" : p.fix()));
            }
        });
    }

    public Node node() {
        return list;
    }
}
