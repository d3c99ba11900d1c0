package io.taskconsole.hello;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The least that issue 15's editor needs, and nothing of Task Console: a window whose first frame is
 * RichTextFX's {@code CodeArea} with line numbers, themed with AtlantaFX, holding the sample task's
 * {@code task.md} (the task Task Console opens in the benchmark), with the focus. No menus, no task
 * list, no preview, no highlighting, no workspace read from disk.
 *
 * <p>Packaged exactly like the hello-world and Task Console (same runtime and JVM options, its own
 * AppCDS archive), so the benchmark can say what that editor alone costs at startup, against the
 * hello-world, measured in the same run. Prints the same {@code startup-marker} lines;
 * {@code editor-ready} is written as Task Console writes it: after the layout pass of the frame that
 * shows the text in the focused editor. {@code --smoke-test} exits then.
 */
public final class HelloEditorFx extends Application {

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CodeArea editor = new CodeArea(sampleTask());
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.moveTo(0);
        Scene scene = new Scene(new VirtualizedScrollPane<>(editor));
        HelloWindows.show(stage, "Hello editor", scene, () -> {
            editor.requestFocus();
            HelloWindows.afterNextLayout(scene, () -> {
                HelloWindows.marker("editor-ready");
                if (getParameters().getRaw().contains("--smoke-test")) {
                    Platform.exit();
                }
            });
            Platform.requestNextPulse();
        });
    }

    /** The sample task's text, packed into this jar from Task Console's resources. */
    private static String sampleTask() {
        try (InputStream in = HelloEditorFx.class.getResourceAsStream("/io/taskconsole/task/sample/task.md")) {
            if (in == null) {
                throw new IllegalStateException("the sample task.md is not in this jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts JavaFX from the class path, where an Application subclass cannot be the main class. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(HelloEditorFx.class, args);
        }
    }
}
