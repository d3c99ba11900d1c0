package io.taskconsole.ui.dialogs;

import atlantafx.base.theme.Styles;
import io.taskconsole.task.ServiceName;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for id, service and title of a new task; the service name is checked as the user types. */
public final class NewTaskDialog {

    /** What the user entered. */
    public record Input(String id, String service, String title) {
    }

    private NewTaskDialog() {
    }

    static java.util.Optional<Input> ask(Window owner, String suggestedId) {
        Dialog<Input> dialog = new Dialog<>();
        dialog.setTitle("New task");
        dialog.setHeaderText("A task folder with task.md and design-spec.md from the template");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().setId("new-task-dialog");

        TextField id = new TextField(suggestedId);
        id.setId("new-task-id");
        id.setAccessibleText("Task id");
        TextField service = new TextField();
        service.setId("new-task-service");
        service.setPromptText("e.g. auth-service");
        service.setAccessibleText("Service name");
        TextField title = new TextField();
        title.setId("new-task-title");
        title.setPromptText("What should the agent do?");
        title.setAccessibleText("Title");
        Label hint = new Label(" ");
        hint.setId("new-task-hint");
        hint.getStyleClass().add(Styles.TEXT_SMALL);
        service.textProperty().addListener((o, a, text) -> {
            boolean ok = ServiceName.isValid(text.strip());
            hint.setText(ok || text.isBlank() ? " " : "Not a valid service name; try '" + ServiceName.suggest(text) + "'");
            hint.getStyleClass().remove(Styles.DANGER);
            if (!ok && !text.isBlank()) {
                hint.getStyleClass().add(Styles.DANGER);
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        // As in the Cluster pane: a narrow dialog squeezes the fields, never the labels.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.addRow(0, new Label("Id"), id);
        grid.addRow(1, new Label("Service"), service);
        grid.add(hint, 1, 2);
        grid.addRow(3, new Label("Title"), title);
        dialog.getDialogPane().setContent(grid);
        Node createButton = dialog.getDialogPane().lookupButton(create);
        createButton.disableProperty().bind(service.textProperty().isEmpty().or(id.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == create ? new Input(id.getText(), service.getText(), title.getText()) : null);
        Platform.runLater(service::requestFocus);
        return dialog.showAndWait();
    }
}
