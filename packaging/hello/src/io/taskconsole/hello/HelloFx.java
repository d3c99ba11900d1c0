package io.taskconsole.hello;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The smallest JavaFX app that does what Task Console's first screen does: a window with a text
 * editor that takes the focus. It is packaged exactly like Task Console (same runtime, same JavaFX
 * natives beside the jar, its own AppCDS archive), so the startup and memory benchmarks compare the
 * app against the cost of JavaFX itself.
 *
 * <p>Prints {@code startup-marker window-shown}, {@code first-frame} and {@code editor-ready} on
 * stdout, each with milliseconds since the epoch, as Task Console does. {@code --smoke-test} exits once the editor is ready.
 */
public final class HelloFx extends Application {

    @Override
    public void start(Stage stage) {
        TextArea editor = new TextArea("# Hello\n");
        BorderPane root = new BorderPane(editor);
        root.setTop(new Label("Hello, JavaFX"));
        stage.setTitle("Hello");
        Scene scene = new Scene(root);
        stage.setScene(scene);
        // Task Console's default window size: with the same number of pixels to render, the
        // memory and first-frame figures compare the apps, not their window sizes.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1500, screen.getWidth() * 0.92));
        stage.setHeight(Math.min(940, screen.getHeight() * 0.92));
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            marker("first-frame");
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setOnShown(event -> {
            marker("window-shown");
            editor.requestFocus();
            Platform.runLater(() -> {
                marker("editor-ready");
                if (getParameters().getRaw().contains("--smoke-test")) {
                    Platform.exit();
                }
            });
        });
        stage.show();
    }

    private static void marker(String name) {
        System.out.println("startup-marker " + name + " " + System.currentTimeMillis());
        System.out.flush();
    }

    /** Starts JavaFX from the class path, where an Application subclass cannot be the main class. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }
}
