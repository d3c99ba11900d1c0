package io.taskconsole.ui.tasks;

import io.taskconsole.task.ServiceName;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Picks Task Master tasks to import and the service they are for. */
public final class ImportDialog {

    /** The user's choice. */
    public record Choice(List<TaskStore.TaskMasterTask> tasks, String service) {
    }

    private ImportDialog() {
    }

    public static Optional<Choice> ask(Window owner, Path tasksJson, List<TaskStore.TaskMasterTask> tasks) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Import from Task Master");
        dialog.setHeaderText("Tasks in " + tasksJson);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        ListView<TaskStore.TaskMasterTask> list = new ListView<>();
        list.getItems().setAll(tasks);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setAccessibleText("Task Master tasks");
        list.setPrefHeight(260);
        TextField service = new TextField(guessService(tasksJson));
        service.setAccessibleText("Service name");
        VBox box = new VBox(8, new Label("Choose one or more tasks (Ctrl-click for several):"), list,
                new Label("Service they are for:"), service);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(importButton).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull().or(service.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == importButton
                ? new Choice(List.copyOf(list.getSelectionModel().getSelectedItems()), service.getText()) : null);
        return dialog.showAndWait();
    }

    /** Task Master keeps tasks.json in {@code <project>/.taskmaster/tasks/}: the project folder suggests the service. */
    static String guessService(Path tasksJson) {
        Path dir = tasksJson.toAbsolutePath().getParent();
        while (dir != null && dir.getFileName() != null) {
            String name = dir.getFileName().toString();
            if (!name.equals("tasks") && !name.startsWith(".")) {
                return ServiceName.suggest(name);
            }
            dir = dir.getParent();
        }
        return "";
    }
}
