package io.taskconsole.ui.settings;

import io.taskconsole.task.TaskInfo;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Shows the settings form in a window of its own over the main one; Escape or Cancel closes it unsaved. */
public final class TaskSettingsWindow {

    /** The smallest size the window may take; the form scrolls below it, and no label is cut. */
    public static final double MIN_WIDTH = 560;
    public static final double MIN_HEIGHT = 420;

    private TaskSettingsWindow() {
    }

    /** Opens the form for {@code model}'s task; {@code saved} gets what was written, then the window closes. */
    public static Stage open(Window owner, TaskSettingsViewModel model, String taskLabel, Consumer<TaskInfo> saved) {
        TaskSettingsView view = new TaskSettingsView(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Task settings — " + taskLabel);
        Scene scene = new Scene((Parent) view.node(), 760, 820);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        view.onSaveAndCancel(info -> {
            saved.accept(info);
            stage.close();
        }, stage::close);
        stage.show();
        return stage;
    }
}
