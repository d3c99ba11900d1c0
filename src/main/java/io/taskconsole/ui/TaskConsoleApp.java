package io.taskconsole.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop console. */
public class TaskConsoleApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(TaskConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Task Console");
        stage.setScene(new Scene(new Label("Task Console"), 800, 600));
        stage.show();
    }
}
