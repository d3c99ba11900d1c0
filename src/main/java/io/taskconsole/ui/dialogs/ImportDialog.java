package io.taskconsole.ui.dialogs;

import io.taskconsole.task.ServiceName;
import io.taskconsole.app.TaskService;
import io.taskconsole.task.TaskMasterImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Picks Task Master tasks to import and the service they are for. */
public final class ImportDialog {

    /** The user's choice. */
    public record Choice(List<TaskMasterImport.Entry> tasks, String service) {
    }

    private ImportDialog() {
    }

    static Optional<Choice> ask(Window owner, Path tasksJson, List<TaskMasterImport.Entry> tasks) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Import from Task Master");
        dialog.setHeaderText("Tasks in " + tasksJson);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        ListView<TaskMasterImport.Entry> list = new ListView<>();
        list.getItems().setAll(tasks);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TaskMasterImport.Entry task, boolean empty) {
                super.updateItem(task, empty);
                setText(empty || task == null ? null : label(task));
            }
        });
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

    /** The service the application layer suggests for the file, or blank for the user to type. */
    public static String guessService(Path tasksJson) {
        return TaskService.suggestService(tasksJson).map(ServiceName::value).orElse("");
    }

    /** One task as the picker lists it: number, title, status and tag. */
    static String label(TaskMasterImport.Entry task) {
        return "#" + task.id() + "  " + task.title()
                + (task.status() == null || task.status().isBlank() ? "" : "  [" + task.status() + "]")
                + (task.tag() == null || task.tag().isBlank() ? "" : "  (" + task.tag() + ")");
    }
}
