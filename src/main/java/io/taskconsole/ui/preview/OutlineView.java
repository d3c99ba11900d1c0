package io.taskconsole.ui.preview;

import io.taskconsole.markdown.OutlineHeading;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

/** The headings of the file being edited; clicking one moves the editor there. */
public final class OutlineView {

    private final ListView<OutlineHeading> list = new ListView<>();

    public OutlineView(PreviewViewModel model) {
        list.setId("outline");
        list.setAccessibleText("Outline: headings of the file");
        list.setItems(model.outline());
        list.setPlaceholder(new Label("No headings in this file."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(OutlineHeading heading, boolean empty) {
                super.updateItem(heading, empty);
                if (empty || heading == null) {
                    setText(null);
                    setPadding(Insets.EMPTY);
                    return;
                }
                setText(heading.text());
                setPadding(new Insets(3, 6, 3, 6 + 14 * (heading.level() - 1)));
                setStyle(heading.level() == 1 ? "-fx-font-weight: bold;" : "");
            }
        });
        list.setOnMouseClicked(e -> jump(model));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jump(model);
            }
        });
    }

    private void jump(PreviewViewModel model) {
        OutlineHeading heading = list.getSelectionModel().getSelectedItem();
        if (heading != null) {
            model.jumpToHeading(heading);
        }
    }

    public Node node() {
        return list;
    }
}
