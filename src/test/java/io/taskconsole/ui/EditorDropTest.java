package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.editor.DocumentModel;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Files dragged from the file manager onto the editor. A robot cannot drag from outside the app, so
 * the drag's events are fired at the editor as the toolkit fires them, with a dragboard holding
 * real files; everything after the event (the view, the view model, the core's copy) is the app's.
 */
@ExtendWith(ApplicationExtension.class)
class EditorDropTest {

    @TempDir
    Path temp;
    DesktopSession console;
    CodeArea taskMd;
    Path task;
    Path downloads;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    @BeforeEach
    void openTheSample(FxRobot robot) throws Exception {
        waitFor("the sample task", () -> console.editor.isOpen()
                && robot.lookup("#editor-task-md").tryQuery().isPresent());
        taskMd = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
        task = console.editor.folderProperty().get();
        downloads = Files.createDirectories(temp.resolve("Downloads"));
    }

    /** Drags {@code files} over the editor and drops them there; returns whether the editor took the drag. */
    private boolean drop(FxRobot robot, Path... files) {
        boolean[] accepted = {false};
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new DragSource());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(java.util.Arrays.stream(files).map(Path::toFile).toList());
            board.setContent(content);
            Bounds bounds = taskMd.localToScreen(taskMd.getBoundsInLocal());
            Point2D screen = new Point2D(bounds.getCenterX(), bounds.getCenterY());
            Point2D scene = taskMd.localToScene(taskMd.screenToLocal(screen));
            PickResult pick = new PickResult(taskMd, scene.getX(), scene.getY());
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                    TransferMode.COPY, null, null, pick);
            Event.fireEvent(taskMd, over);
            accepted[0] = over.getAcceptedTransferMode() == TransferMode.COPY;
            if (accepted[0]) {
                Event.fireEvent(taskMd, new DragEvent(DragEvent.DRAG_DROPPED, board, scene.getX(), scene.getY(), screen.getX(),
                        screen.getY(), TransferMode.COPY, null, null, pick));
            }
        });
        return accepted[0];
    }

    private List<String> fileTabs() {
        return console.editor.documents().stream().map(DocumentModel::name).toList();
    }

    @Test
    void aDroppedMarkdownFileBecomesAnExtraFileOfTheTask(FxRobot robot) throws Exception {
        Path notes = Files.writeString(downloads.resolve("api-notes.md"), "# API notes\n\nUse **v2** of the login API.\n");

        assertThat(drop(robot, notes)).as("the editor takes a file drag").isTrue();

        waitFor("api-notes.md open in the editor", () -> fileTabs().contains("api-notes.md")
                && console.editor.selectedProperty().get().name().equals("api-notes.md"));
        assertThat(Files.readString(task.resolve("api-notes.md"), StandardCharsets.UTF_8)).isEqualTo("# API notes\n\nUse **v2** of the login API.\n");
        assertThat(Files.readString(notes)).as("the dropped file itself").isEqualTo("# API notes\n\nUse **v2** of the login API.\n");
        waitFor("its text in its editor", () -> robot.lookup("#editor-api-notes-md").tryQueryAs(CodeArea.class)
                .map(a -> a.getText().contains("Use **v2**")).orElse(false));
        assertThat(console.notices.current().message()).isEqualTo("Added api-notes.md to the task.");
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "26-editor-file-dropped-light"));
    }

    /**
     * A folder, a picture, a file over the ConfigMap limit and a second task.md are each refused with
     * their reason in one warning; the good file dropped with them is added; nothing is replaced.
     */
    @Test
    void whatCannotBeAddedIsNamedWithItsReasonAndNothingIsReplaced(FxRobot robot) throws Exception {
        String taskMdBefore = Files.readString(task.resolve("task.md"));
        Path folder = Files.createDirectories(downloads.resolve("specs"));
        Path picture = Files.write(downloads.resolve("flow.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path huge = Files.writeString(downloads.resolve("export.md"), "x".repeat(1024 * 1024 + 1));
        Path otherTaskMd = Files.writeString(downloads.resolve("task.md"), "# Someone else's task\n");
        Path good = Files.writeString(downloads.resolve("glossary.md"), "# Glossary\n");

        assertThat(drop(robot, folder, picture, huge, otherTaskMd, good)).isTrue();

        waitFor("a warning naming what was not added", () -> console.notices.current() != null
                && console.notices.current().level() == Notice.Level.WARNING);
        String message = console.notices.current().message();
        assertThat(message).startsWith("Added glossary.md to the task. Not added (4): ")
                .contains(folder + " is a folder, not a Markdown file")
                .contains("flow.png is not a Markdown file (its name does not end in .md)")
                .contains("export.md is 1,048,577 bytes, more than the 1 MiB all of a task's files may have together")
                .contains("The task has its own task.md; a dropped task.md never replaces it");
        assertThat(fileTabs()).containsExactly("task.md", "design-spec.md", "glossary.md");
        assertThat(Files.readString(task.resolve("task.md"))).as("the task's own task.md").isEqualTo(taskMdBefore);
        assertThat(Files.exists(task.resolve("export.md"))).isFalse();
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "27-editor-drop-refused-light"));

        // the same name again: the task's glossary.md (by now edited) is kept, the drop is refused
        robot.interact(() -> {
            console.editor.document("glossary.md").orElseThrow().textProperty().set("# Glossary\n\nEdited.\n");
            console.editor.saveNow();
        });
        waitFor("the edit saved", () -> Files.readString(task.resolve("glossary.md")).contains("Edited."));
        Path sameName = Files.writeString(downloads.resolve("GLOSSARY.md"), "# Another glossary\n");
        drop(robot, sameName);
        waitFor("the clash named", () -> console.notices.current() != null
                && console.notices.current().message().contains("The task already has a file named glossary.md"));
        assertThat(Files.readString(task.resolve("glossary.md"))).isEqualTo("# Glossary\n\nEdited.\n");
        assertThat(fileTabs()).containsExactly("task.md", "design-spec.md", "glossary.md");
    }

    @Test
    void textDraggedWithoutFilesIsLeftToTheTextArea(FxRobot robot) {
        boolean[] accepted = {true};
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new DragSource());
            ClipboardContent content = new ClipboardContent();
            content.putString("some text");
            board.setContent(content);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 10, 10, 10, 10, TransferMode.COPY, null, null,
                    new PickResult(taskMd, 10, 10));
            Event.fireEvent(taskMd, over);
            accepted[0] = over.isConsumed() || over.getAcceptedTransferMode() != null;
        });
        assertThat(accepted[0]).as("a text drag taken as a file drop").isFalse();
        assertThat(fileTabs()).containsExactly("task.md", "design-spec.md");
    }

    /** What the file manager offers in a drag: its content, copied (as the toolkit's own drag source holds it). */
    private static final class DragSource implements TKClipboard {
        private final java.util.Map<javafx.scene.input.DataFormat, Object> content = new java.util.LinkedHashMap<>();

        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<javafx.scene.input.DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<javafx.scene.input.DataFormat, Object>... pairs) {
            content.clear();
            for (var pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(javafx.scene.input.DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(javafx.scene.input.DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
