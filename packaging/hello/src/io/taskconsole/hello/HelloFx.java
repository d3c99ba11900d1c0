package io.taskconsole.hello;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
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
        HelloWindows.show(stage, "Hello", new Scene(root), () -> {
            editor.requestFocus();
            Platform.runLater(() -> {
                HelloWindows.marker("editor-ready");
                if (getParameters().getRaw().contains("--smoke-test")) {
                    Platform.exit();
                }
            });
        });
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
