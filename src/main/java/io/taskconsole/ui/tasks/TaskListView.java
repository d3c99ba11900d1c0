package io.taskconsole.ui.tasks;

import atlantafx.base.theme.Styles;
import io.taskconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left column: filter box, task list, and the workspace it shows. */
public final class TaskListView {

    private final TaskListViewModel model;
    private final VBox root = new VBox(6);
    private final ListView<TaskEntry> list = new ListView<>();
    private final Button newTask = new Button("New task");
    private final Button importButton = new Button("Import…");

    public TaskListView(TaskListViewModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    public Button newTaskButton() {
        return newTask;
    }

    public Button importButton() {
        return importButton;
    }

    private void build() {
        root.setId("tasks-pane");
        root.setPadding(new Insets(8));
        Label title = new Label("Tasks");
        title.getStyleClass().add(Styles.TITLE_4);
        Label workspace = new Label();
        workspace.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        workspace.textProperty().bind(Bindings.createStringBinding(
                () -> model.workspaceProperty().get() == null ? "" : model.workspaceProperty().get().toString(),
                model.workspaceProperty()));
        LazyTooltip.set(workspace, "The workspace folder (File ▸ Open workspace…, Ctrl+O)");
        // A long path wraps instead of ending in "…": which folder this is matters more than one line.
        workspace.setWrapText(true);
        workspace.setMinHeight(Region.USE_PREF_SIZE);

        TextField filter = new TextField();
        filter.setId("task-filter");
        filter.setPromptText("Filter tasks");
        filter.setAccessibleText("Filter tasks by id, service or title");
        filter.textProperty().bindBidirectional(model.filterProperty());

        list.setId("task-list");
        list.setAccessibleText("Tasks in the workspace");
        list.setItems(model.visibleTasks());
        list.setPlaceholder(new Label("No tasks yet.\nCreate one with New task (Ctrl+N)."));
        list.setCellFactory(view -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(TaskEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    setGraphic(null);
                    LazyTooltip.set(this, null);
                    return;
                }
                Label main = new Label(entry.label());
                Label sub = new Label(entry.problem() == null ? entry.service() : entry.problem());
                sub.getStyleClass().addAll(Styles.TEXT_SMALL, entry.problem() == null ? Styles.TEXT_MUTED : Styles.DANGER);
                // Titles wrap in a narrow column rather than lose their end to "…".
                for (Label label : List.of(main, sub)) {
                    label.setWrapText(true);
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
                }
                setGraphic(new VBox(1, main, sub));
                setText(null);
                LazyTooltip.set(this, entry.folder().toString());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        if (model.selectedProperty().get() != null) {
            list.getSelectionModel().select(model.selectedProperty().get());
        }

        newTask.setId("new-task");
        newTask.getStyleClass().add(Styles.ACCENT);
        LazyTooltip.set(newTask, "Create a task from the template (Ctrl+N)");
        importButton.setId("import-tasks");
        LazyTooltip.set(importButton, "Import tasks from a Task Master tasks.json (Ctrl+I)");
        // Whole labels in a narrow column: the buttons keep their width and go on two rows if need be.
        newTask.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, newTask, importButton);
        root.getChildren().addAll(title, workspace, filter, list, buttons);
    }
}
