package io.taskconsole.ui.preview;

import static io.taskconsole.ui.FxWait.WAIT_SECONDS;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.editor.DocumentModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real preview, themed as in the app, showing a thousand-line code block and a thousand-row
 * table (which reach it as parts) and a list numbered past 99.
 */
@ExtendWith(ApplicationExtension.class)
class LongBlocksPreviewTest {

    private static final int CODE_LINES = 1_000;
    private static final int TABLE_ROWS = 1_000;
    /** The line of the code block's opening fence: code line {@code n} is on line {@code FENCE_LINE + n}. */
    private static final int FENCE_LINE = 5;

    @TempDir
    static Path temp;
    RealPreview preview;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        preview = new RealPreview(temp.resolve("app.log"));
        scene = new Scene(new javafx.scene.layout.StackPane(preview.view.node()), 800, 600);
        scene.getStylesheets().add(PreviewView.class.getResource("/io/taskconsole/ui/console.css").toExternalForm());
        stage.setScene(scene);
        // The stage is shared with earlier test classes, which may have made it bigger: a taller pane
        // would show deep lines without any scrolling inside a part.
        stage.sizeToScene();
        stage.show();
        preview.open("Long blocks", document());
    }

    @AfterEach
    void stop() {
        preview.close();
    }

    /** Line {@code n} of the code; lines 50, 150, ... are empty, so some parts end on an empty line. */
    private static String codeLine(int n) {
        return n % 100 == 50 ? "" : "code line " + n + "; // " + "x".repeat(n % 40);
    }

    private static String code() {
        return IntStream.rangeClosed(1, CODE_LINES).mapToObj(LongBlocksPreviewTest::codeLine).collect(Collectors.joining("\n"));
    }

    private static String document() {
        StringBuilder text = new StringBuilder("# Long blocks\n\nA dump:\n\n```text\n").append(code()).append("\n```\n\n");
        text.append("| Id | Host | Status |\n|---:|------|:------:|\n");
        for (int i = 1; i <= TABLE_ROWS; i++) {
            text.append("| ").append(i).append(" | host-").append(i).append(".example | ok |\n");
        }
        return text.append("\nThe end.\n").toString();
    }

    private DocumentModel task() {
        return preview.editor.document(TaskFile.TASK_MD).orElseThrow();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void waitForWholeFile() {
        waitFor("the whole file in the preview", () -> fx(preview.view::renderedText).contains("The end."));
    }

    /** Where {@code line}'s text is drawn, in the scene, or null when no cell on screen draws it. */
    private Bounds drawnLine(String line) {
        for (Node node : preview.view.listView().lookupAll(".md-code-text")) {
            TextFlow flow = (TextFlow) node;
            String text = ((Text) flow.getChildren().get(0)).getText();
            int start = ("\n" + text + "\n").indexOf("\n" + line + "\n");
            if (start >= 0 && shown(flow)) {
                // The caret at the line's start runs from the line's top to its bottom.
                PathElement[] caret = flow.caretShape(start, true);
                double top = ((MoveTo) caret[0]).getY();
                double bottom = ((LineTo) caret[1]).getY();
                return flow.localToScene(new BoundingBox(0, top, 1, bottom - top));
            }
        }
        return null;
    }

    private boolean onScreen(String line) throws Exception {
        return fx(() -> {
            Bounds drawn = drawnLine(line);
            Bounds list = preview.view.listView().localToScene(preview.view.listView().getLayoutBounds());
            return drawn != null && drawn.getMinY() >= list.getMinY() && drawn.getMaxY() <= list.getMaxY();
        });
    }

    private boolean rowOnScreen(int row) throws Exception {
        return fx(() -> {
            Bounds list = preview.view.listView().localToScene(preview.view.listView().getLayoutBounds());
            return preview.view.listView().lookupAll(".md-cell-text").stream()
                    .filter(node -> shown(node) && ((TextFlow) node).getChildren().stream()
                            .anyMatch(text -> ((Text) text).getText().equals("host-" + row + ".example")))
                    .map(node -> node.localToScene(node.getLayoutBounds()))
                    .anyMatch(cell -> cell.getMinY() >= list.getMinY() && cell.getMaxY() <= list.getMaxY());
        });
    }

    @Test
    void theCaretDeepInABigCodeBlockShowsItsLine(FxRobot robot) throws Exception {
        waitForWholeFile();
        // Each far enough into its part to be below the first screen of the part's cell; 45 is in the
        // first part, which starts on the fence rather than on its first line of code.
        for (int codeLineNumber : new int[] {545, 45, CODE_LINES}) {
            int line = FENCE_LINE + codeLineNumber;
            assertThat(task().text().split("\n")[line - 1]).isEqualTo(codeLine(codeLineNumber));
            int index = preview.model.blockAtLine(line);
            assertThat(preview.view.listView().getItems().get(index).plainText().lines()).as("the block at line %d holds it", line)
                    .contains(codeLine(codeLineNumber));
            assertThat(onScreen(codeLine(codeLineNumber))).isFalse();

            robot.interact(() -> task().caretLineProperty().set(line));

            waitFor("code line " + codeLineNumber + " on screen", () -> onScreen(codeLine(codeLineNumber)));
        }
    }

    @Test
    void theCaretDeepInABigTableShowsItsRow(FxRobot robot) throws Exception {
        waitForWholeFile();
        String text = task().text();
        // Row 40 is in the first part, which starts on the header rather than on its first row.
        for (int row : new int[] {737, 40, TABLE_ROWS}) {
            int line = text.substring(0, text.indexOf("| " + row + " | host-")).split("\n", -1).length;
            assertThat(rowOnScreen(row)).isFalse();

            robot.interact(() -> task().caretLineProperty().set(line));

            waitFor("row " + row + " on screen", () -> rowOnScreen(row));
        }
    }

    @Test
    void thePartsOfABigBlockMeetWithoutAGapAndCopyAsTheBlock(FxRobot robot) throws Exception {
        waitForWholeFile();
        List<PreviewBlock> items = preview.view.listView().getItems();
        int firstCodePart = IntStream.range(0, items.size()).filter(i -> items.get(i).part() == PreviewBlock.Part.FIRST)
                .findFirst().orElseThrow();
        int lastCodePart = IntStream.range(firstCodePart, items.size()).filter(i -> items.get(i).part() == PreviewBlock.Part.LAST)
                .findFirst().orElseThrow();
        int firstTablePart = lastCodePart + 1;

        showBoundaryAfter(robot, firstCodePart);
        assertThat(fx(preview.view::drawnText)).as("the first part ends on an empty line")
                .contains(codeLine(49) + "\n\n" + codeLine(51));
        // After the first part, between two middle ones, before the last.
        for (int part : new int[] {firstCodePart, lastCodePart - 1, firstCodePart + 3}) {
            showBoundaryAfter(robot, part);
            assertPlainAcross(assertBoxesMeet(".md-code-block"));
            assertCodeRunsOn();
        }
        robot.interact(() -> Screenshots.save(scene, "12-preview-code-parts-light"));
        for (int part : new int[] {firstTablePart, items.size() - 3, firstTablePart + 3}) {
            showBoundaryAfter(robot, part);
            assertBoxesMeet(".md-table");
            assertRowsEvenlySpaced();
        }
        robot.interact(() -> Screenshots.save(scene, "13-preview-table-parts-light"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, "14-preview-table-parts-dark"));
        showBoundaryAfter(robot, firstCodePart + 3);
        assertPlainAcross(assertBoxesMeet(".md-code-block"));
        robot.interact(() -> Screenshots.save(scene, "15-preview-code-parts-dark"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        robot.interact(() -> {
            preview.view.listView().requestFocus();
            preview.view.listView().getSelectionModel().selectRange(firstCodePart, lastCodePart + 1);
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).as("the code parts copied").isEqualTo(code());
        assertThat(fx(preview.view::renderedText)).contains("A dump:\n" + code() + "\nId\tHost\tStatus\n1\thost-1.example\tok\n");
    }

    /** Scrolls so that the end of block {@code index} is in the middle of the pane. */
    private void showBoundaryAfter(FxRobot robot, int index) {
        robot.interact(() -> {
            preview.view.listView().scrollTo(index + 1);
            preview.view.listView().layout();
            ((VirtualFlow<?>) preview.view.listView().lookup(".virtual-flow")).scrollPixels(-250);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The boxes drawn by consecutive cells on screen touch, and line up left and right; returns the seams' heights. */
    private List<Double> assertBoxesMeet(String box) throws Exception {
        List<Bounds> boxes = fx(() -> preview.view.listView().lookupAll(box).stream()
                .filter(LongBlocksPreviewTest::shown)
                .sorted(Comparator.comparingInt(node -> cellOf(node).getIndex()))
                .map(node -> node.localToScene(node.getLayoutBounds()))
                .toList());
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
        List<Double> seams = new ArrayList<>();
        for (int i = 1; i < boxes.size(); i++) {
            Bounds above = boxes.get(i - 1);
            Bounds below = boxes.get(i);
            if (below.getMinY() > preview.view.listView().getHeight() || above.getMaxY() < 0) {
                continue;
            }
            assertThat(below.getMinY()).as("box %d starts where the one above ends", i).isCloseTo(above.getMaxY(), offset(0.5));
            assertThat(below.getMinX()).isEqualTo(above.getMinX());
            assertThat(below.getWidth()).isEqualTo(above.getWidth());
            seams.add(below.getMinY());
        }
        assertThat(seams).isNotEmpty();
        return seams;
    }

    /** Across the code box, right of the text, a seam is drawn like the box's inside just above it: no edge, no band. */
    private void assertPlainAcross(List<Double> seams) throws Exception {
        WritableImage picture = fx(() -> scene.snapshot(null));
        Bounds box = fx(() -> preview.view.listView().lookupAll(".md-code-block").stream().filter(LongBlocksPreviewTest::shown)
                .findFirst().map(node -> node.localToScene(node.getLayoutBounds())).orElseThrow());
        int x = (int) (box.getMinX() + box.getWidth() * 0.9);
        for (double seam : seams) {
            int y = (int) Math.round(seam);
            if (y < 10 || y + 3 >= picture.getHeight()) {
                continue;
            }
            int inside = picture.getPixelReader().getArgb(x, y - 10);
            for (int at = y - 3; at <= y + 3; at++) {
                assertThat(Integer.toHexString(picture.getPixelReader().getArgb(x, at))).as("colour at the seam, y=%d", at)
                        .isEqualTo(Integer.toHexString(inside));
            }
        }
    }

    /** The code's lines go on across a seam as between any two lines: one part's text starts where the last one's ends. */
    private void assertCodeRunsOn() throws Exception {
        List<Bounds> texts = fx(() -> preview.view.listView().lookupAll(".md-code-text").stream()
                .filter(LongBlocksPreviewTest::shown)
                .sorted(Comparator.comparingInt(node -> cellOf(node).getIndex()))
                .map(node -> ((TextFlow) node).getChildren().get(0))
                .map(text -> text.localToScene(text.getLayoutBounds()))
                .toList());
        for (int i = 1; i < texts.size(); i++) {
            assertThat(texts.get(i).getMinY()).as("code text %d", i).isCloseTo(texts.get(i - 1).getMaxY(), offset(0.5));
        }
    }

    /** Rows of one line each are as far apart across a seam as anywhere else: no doubled border, no band. */
    private void assertRowsEvenlySpaced() throws Exception {
        List<Double> tops = fx(() -> preview.view.listView().lookupAll(".md-cell").stream()
                .filter(cell -> shown(cell) && Integer.valueOf(0).equals(javafx.scene.layout.GridPane.getColumnIndex(cell)))
                .map(cell -> cell.localToScene(cell.getLayoutBounds()).getMinY())
                .sorted()
                .toList());
        assertThat(tops).hasSizeGreaterThan(10);
        double pitch = tops.get(tops.size() - 1) - tops.get(tops.size() - 2);
        for (int i = 1; i < tops.size(); i++) {
            assertThat(tops.get(i) - tops.get(i - 1)).as("row %d from the one above", i).isCloseTo(pitch, offset(0.5));
        }
    }

    private static BlockCell cellOf(Node node) {
        Node at = node;
        while (!(at instanceof BlockCell)) {
            at = at.getParent();
        }
        return (BlockCell) at;
    }

    /** Drawn by a cell in use: the list keeps spare cells, hidden, for later. */
    private static boolean shown(Node node) {
        BlockCell cell = cellOf(node);
        return cell.isVisible() && !cell.isEmpty();
    }

    @Test
    void aListNumberedPastNinetyNineKeepsItsTextInOneColumn(FxRobot robot) throws Exception {
        robot.interact(() -> task().textProperty().set("98. ninety-eight\n99. ninety-nine\n100. one hundred\n\n"
                + "     still one hundred\n101. one hundred and one\n"));
        waitFor("the list in the preview", () -> fx(preview.view::drawnText).contains("one hundred and one"));

        List<Double> lefts = fx(() -> preview.view.listView().lookupAll(".md-paragraph").stream()
                .filter(LongBlocksPreviewTest::shown)
                .map(node -> node.localToScene(node.getLayoutBounds()).getMinX())
                .toList());
        assertThat(lefts).hasSize(5);
        assertThat(lefts).allSatisfy(left -> assertThat(left).isCloseTo(lefts.get(0), offset(0.5)));
        robot.interact(() -> Screenshots.save(scene, "16-preview-numbered-past-99-light"));
    }
}
