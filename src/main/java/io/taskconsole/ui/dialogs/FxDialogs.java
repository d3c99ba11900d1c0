package io.taskconsole.ui.dialogs;

import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.ui.settings.TaskSettingsViewModel;
import io.taskconsole.ui.settings.TaskSettingsWindow;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The console's dialogs as JavaFX windows, each owned by the main window so it opens over it. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        own(alert);
        alert.show();
    }

    @Override
    public void show(String title, Node content) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // A long table (the keyboard shortcuts) scrolls instead of pushing OK below the screen.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        alert.getDialogPane().setContent(scroll);
        alert.setResizable(true);
        own(alert);
        alert.setOnShown(e -> fitOnScreen(alert.getDialogPane().getScene().getWindow()));
        alert.show();
    }

    /** Shortens a window taller than the screen (its content scrolls), widened by the scroll bar it now needs. */
    private static void fitOnScreen(javafx.stage.Window window) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        if (window.getHeight() > screen.getHeight()) {
            window.setHeight(screen.getHeight());
            window.setY(screen.getMinY());
            window.setWidth(Math.min(screen.getWidth(), window.getWidth() + 24));
        }
    }

    @Override
    public Optional<Integer> choose(String id, String title, String question, String text, List<String> answers) {
        return ask(question(id, title, question, text, answers));
    }

    @Override
    public Optional<Integer> chooseShowingChanges(String id, String title, String question, String text,
                                                  io.taskconsole.compare.Comparison changes, List<String> answers) {
        Alert alert = question(id, title, question, text, answers);
        javafx.scene.control.Label said = new javafx.scene.control.Label(text);
        said.setWrapText(true);
        said.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        said.setId(id + "-text");
        io.taskconsole.ui.compare.DiffViewModel diff = new io.taskconsole.ui.compare.DiffViewModel();
        diff.show(changes);
        Node files = new io.taskconsole.ui.compare.DiffView(diff).node();
        javafx.scene.layout.VBox.setVgrow(files, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(8, said, files);
        content.setPrefHeight(480);
        alert.getDialogPane().setContent(content);
        // Wide enough for a diff's numbered lines; never wider than the screen.
        alert.getDialogPane().setMinWidth(Math.min(javafx.stage.Screen.getPrimary().getVisualBounds().getWidth(), 860));
        alert.setResizable(true);
        alert.setOnShown(e -> fitOnScreen(alert.getDialogPane().getScene().getWindow()));
        return ask(alert);
    }

    private Alert question(String id, String title, String question, String text, List<String> answers) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            boolean last = i == answers.size() - 1 && answers.size() > 1;
            buttons.add(new ButtonType(answers.get(i), i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : last ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER));
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, buttons.toArray(ButtonType[]::new));
        alert.setTitle(title);
        alert.setHeaderText(question);
        alert.getDialogPane().setId(id);
        own(alert);
        return alert;
    }

    /** Shows the question and waits: the index of the answer chosen, empty when the window was closed. */
    private static Optional<Integer> ask(Alert alert) {
        List<ButtonType> buttons = List.copyOf(alert.getButtonTypes());
        return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0);
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText(label);
        own(dialog);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> openFile(String title, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<NewTaskDialog.Input> newTask(String suggestedId) {
        return NewTaskDialog.ask(owner.get(), suggestedId);
    }

    @Override
    public Optional<ImportDialog.Choice> importTasks(Path tasksJson, List<TaskMasterImport.Entry> found) {
        return ImportDialog.ask(owner.get(), tasksJson, found);
    }

    private void own(javafx.scene.control.Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
    }

    @Override
    public void taskSettings(TaskSettingsViewModel form, String taskLabel, Consumer<TaskInfo> saved) {
        TaskSettingsWindow.open(owner.get(), form, taskLabel, saved);
    }
}
