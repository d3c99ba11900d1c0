package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.editor.DocumentModel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Markdown editor in the real console: highlighting, and what a PM does with the text. */
@ExtendWith(ApplicationExtension.class)
class MarkdownEditorTest {

    static final String SPEC = """
            ---
            owner: auth team
            ---
            # Rate-limit failed logins
            ## Context *now*

            Users report **credential stuffing** and ~~nothing~~ `POST /api/login`.
            See [the runbook](https://wiki.example/runbook) and ![flow](docs/flow.png).

            > Keep the public API unchanged.

            - [ ] After 5 failed logins the account gets `429`
            - [x] Redis is available
            1. first step

            ```go
            func limit() {}
            ```

            | Limit | Default |
            |-------|---------|
            | account | 5 |

            <details>hidden</details>
            """;

    @TempDir
    Path temp;
    DesktopSession console;
    CodeArea taskMd;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    @BeforeEach
    void openTheSample(FxRobot robot) {
        waitFor("the sample task", () -> console.editor.isOpen()
                && robot.lookup("#editor-task-md").tryQuery().isPresent());
        taskMd = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> console.theme.choiceProperty().set(Theme.LIGHT));
    }

    @Test
    void eachConstructGetsItsStyleClassOnTheRightSpan(FxRobot robot) throws Exception {
        robot.interact(() -> taskMd().textProperty().set(SPEC));
        waitFor("the highlighting", () -> classesAt("Rate-limit failed logins").contains("md-h1"));

        assertThat(classesAt("Rate-limit failed logins")).contains("md-heading", "md-h1");
        assertThat(classesAt("# Rate")).contains("md-marker");
        assertThat(classesAt("Context")).contains("md-h2").doesNotContain("md-h1");
        assertThat(classesAt("now")).contains("md-h2", "md-emphasis");
        assertThat(classesAt("credential stuffing")).containsExactly("md-strong");
        assertThat(classesAt("Users report")).isEmpty();
        assertThat(classesAt("nothing")).containsExactly("md-strike");
        assertThat(classesAt("POST /api/login")).containsExactly("md-code");
        assertThat(classesAt("the runbook")).containsExactly("md-link");
        assertThat(classesAt("https://wiki.example/runbook")).contains("md-link", "md-url");
        assertThat(classesAt("flow]")).containsExactly("md-image");
        assertThat(classesAt("docs/flow.png")).contains("md-image", "md-url");
        assertThat(classesAt("Keep the public")).contains("md-quote");
        assertThat(classesAt("[ ]")).containsExactly("md-task-box");
        assertThat(classesAt("[x]")).containsExactly("md-task-box", "md-task-done");
        assertThat(classesAt("- [ ]")).containsExactly("md-list-marker");
        assertThat(classesAt("1. first")).containsExactly("md-list-marker");
        assertThat(classesAt("go\n")).contains("md-code-block", "md-code-info");
        assertThat(classesAt("func limit")).containsExactly("md-code-block");
        assertThat(classesAt("Limit")).contains("md-table", "md-table-head");
        assertThat(classesAt("account | 5")).containsExactly("md-table");
        assertThat(classesAt("| account")).contains("md-table", "md-marker");
        assertThat(classesAt("owner: auth")).containsExactly("md-front-matter");
        assertThat(classesAt("<details>")).containsExactly("md-html");

        // and the drawn text carries them: the heading is bigger, in the accent colour
        waitFor("the styled heading drawn", () -> onFx(() -> drawnText(" Rate-limit failed logins") != null),
                () -> onFx(() -> "drawn: " + taskMd.lookupAll(".text").stream()
                        .map(n -> n instanceof Text t ? t.getText() + t.getStyleClass() : n.toString()).toList()));
        Text heading = onFx(() -> drawnText(" Rate-limit failed logins"));
        Text prose = onFx(() -> drawnText("Users report "));
        assertThat(heading.getStyleClass()).contains("md-h1");
        assertThat(heading.getFont().getSize()).isGreaterThan(prose.getFont().getSize());
        assertThat(heading.getFill()).isNotEqualTo(prose.getFill());
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "20-editor-highlighting-light"));

        robot.interact(() -> console.theme.choiceProperty().set(Theme.DARK));
        waitFor("the dark theme", () -> console.theme.darkProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "21-editor-highlighting-dark"));
    }

    /** Typed text is highlighted as it is typed, and typing into a fence keeps the fence's contents code. */
    @Test
    void whatIsTypedIsHighlighted(FxRobot robot) throws Exception {
        robot.interact(() -> taskMd().textProperty().set("# Spec\n\n```\ncode\n```\n\nEnd.\n"));
        waitFor("the highlighting", () -> classesAt("Spec").contains("md-h1"));
        robot.clickOn(taskMd);
        robot.interact(() -> taskMd.moveTo(taskMd.getText().indexOf("code") + 4));
        robot.write("\n## not a heading");
        robot.interact(() -> taskMd.moveTo(taskMd.getLength()));
        robot.write("\n## Typed heading");

        waitFor("the typed heading highlighted", () -> classesAt("Typed heading").contains("md-h2"));
        assertThat(classesAt("## not a heading")).containsExactly("md-code-block");
        assertThat(classesAt("End.")).isEmpty();
    }

    /**
     * A long text replaced while the view is inside a fenced block opened far above: the lines on
     * screen are styled first from a parse of their own (which cannot see the fence), then the whole
     * file's parse styles them as code. What stays is the whole parse's.
     */
    @Test
    void aLongTextIsStyledOnScreenFirstAndThenAsTheWholeFileSaysIt(FxRobot robot) throws Exception {
        String text = showFencedSpecScrolledIntoTheFence(robot);
        // The whole text replaced (as another program's change reloaded): the view stays in the fence.
        robot.interact(() -> taskMd().textProperty().set(text.replace("## After the fence", "## After the block")));
        waitFor("the whole new text's highlighting", () -> classesAt("After the block").contains("md-h2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classesAt("# inside the fence 2000")).containsExactly("md-code-block");
        assertThat(classesAt("inside the fence 2010")).containsExactly("md-code-block");
        assertThat(classesAt("Long spec")).contains("md-h1");
    }

    /**
     * A long block pasted below the lines on screen, which sit in a fenced block opened far above:
     * the first pass parses those lines alone (wrongly, as headings); the whole parse finds them
     * unchanged since before the paste, and must still restyle them.
     */
    @Test
    void linesStyledByTheFirstPassAreRestyledEvenWhereTheTextDidNotChange(FxRobot robot) throws Exception {
        showFencedSpecScrolledIntoTheFence(robot);
        StringBuilder pasted = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            pasted.append("Pasted line ").append(i).append(" of a long block\n");
        }
        pasted.append("## Pasted heading\n");
        // As a paste at the end that does not scroll: the view stays on the fenced lines.
        robot.interact(() -> taskMd.insertText(taskMd.getLength(), pasted.toString()));
        waitFor("the whole text's highlighting", () -> classesAt("Pasted heading").contains("md-h2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classesAt("# inside the fence 2000")).containsExactly("md-code-block");
        assertThat(classesAt("inside the fence 2010")).containsExactly("md-code-block");
    }

    /**
     * Puts a long spec into task.md, most of it one fenced block of lines that would be headings
     * outside it, waits for its highlighting, and scrolls to the middle of the block; returns the text.
     */
    private String showFencedSpecScrolledIntoTheFence(FxRobot robot) throws Exception {
        StringBuilder big = new StringBuilder("# Long spec\n\n```\n");
        for (int i = 0; i < 4000; i++) {
            big.append("# inside the fence ").append(i).append('\n');
        }
        big.append("```\n\n## After the fence\n");
        String text = big.toString();
        robot.interact(() -> taskMd().textProperty().set(text));
        waitFor("the whole file's highlighting", () -> classesAt("After the fence").contains("md-h2"));
        robot.interact(() -> {
            taskMd.moveTo(text.indexOf("# inside the fence 2000"));
            taskMd.requestFollowCaret();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return text;
    }

    /**
     * A file with Windows line breaks: the area shows {@code \n} where the model holds the file's
     * {@code \r\n} until the first edit, so highlighting must use offsets into what the area shows.
     */
    @Test
    void aFileWithCrlfLineBreaksIsHighlightedWhereItsConstructsAre(FxRobot robot) throws Exception {
        StringBuilder crlf = new StringBuilder("# Windows spec\r\n\r\n");
        for (int i = 0; i < 3000; i++) {
            crlf.append("Line ").append(i).append(" of **prose**\r\n");
        }
        crlf.append("\r\n## Last heading\r\n");
        robot.interact(() -> taskMd().textProperty().set(crlf.toString()));
        waitFor("the highlighting", () -> classesAt("Last heading").contains("md-h2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classesAt("Windows spec")).contains("md-h1");
        assertThat(classesAt("prose")).contains("md-strong");
        assertThat(classesAt("Line 2999 of")).isEmpty();
        assertThat(classesAt("## Last")).contains("md-h2");

        // The first edit gives the model the area's text; edits after it are applied one by one.
        robot.interact(() -> taskMd.insertText(taskMd.getLength(), "\nTyped"));
        robot.interact(() -> taskMd.insertText(taskMd.getLength(), " more\n"));
        assertThat(onFx(() -> taskMd().text())).isEqualTo(onFx(() -> taskMd.getText()));
        assertThat(taskMd().text()).doesNotContain("\r").endsWith("## Last heading\n\nTyped more\n");
    }

    @Test
    void aFileWithBareCarriageReturnsKeepsModelAndAreaTheSame(FxRobot robot) throws Exception {
        robot.interact(() -> taskMd().textProperty().set("# Old Mac\rline one\rline two\r"));
        robot.interact(() -> taskMd.insertText(taskMd.getLength(), "line three\n"));
        robot.interact(() -> taskMd.insertText(0, "x"));
        assertThat(onFx(() -> taskMd().text())).isEqualTo("x# Old Mac\nline one\nline two\nline three\n")
                .isEqualTo(onFx(() -> taskMd.getText()));
        assertThat(taskMd().wordsProperty().get()).isEqualTo(9);
    }

    /** Line numbers, the caret's marked; criteria lines marked; a click on a criterion flashes its line. */
    @Test
    void theGutterNumbersLinesAndMarksCriteriaAndAJumpFlashesTheLine(FxRobot robot) throws Exception {
        waitFor("criteria", () -> console.criteria.totalProperty().get() > 0);
        var first = console.criteria.criteria().get(0);
        assertThat(first.source()).isEqualTo("task.md");
        robot.interact(() -> console.criteria.reveal(first));
        waitFor("the criterion's line to flash", () -> onFx(() -> flashing()));
        assertThat(onFx(() -> taskMd.getCurrentParagraph() + 1)).isEqualTo(first.line());
        waitFor("the criterion's marker", () -> onFx(() -> markerTexts().contains("Acceptance criterion " + first.id())));
        assertThat(onFx(() -> gutterLineOf("Acceptance criterion " + first.id()))).isEqualTo(first.line());
        waitFor("its number marked as the caret's line", () -> onFx(() -> currentLineNumber()).equals(String.valueOf(first.line())));
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "22-editor-criterion-jump-light"));
        waitFor("the flash to end", () -> onFx(() -> !flashing()));

        // a criterion removed from the text loses its marker
        robot.interact(() -> taskMd().textProperty().set("# No criteria here\n"));
        waitFor("the markers gone", () -> onFx(() -> markerTexts().isEmpty()));
    }

    /** The caret's line is highlighted in the flash colour (see console.css). */
    private boolean flashing() {
        return taskMd.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("flash"));
    }

    private java.util.List<String> markerTexts() {
        return taskMd.lookupAll(".has-criterion").stream().map(Node::getAccessibleText).toList();
    }

    /** The line number beside the marker with {@code accessibleText}. */
    private int gutterLineOf(String accessibleText) {
        for (Node marker : taskMd.lookupAll(".has-criterion")) {
            if (accessibleText.equals(marker.getAccessibleText())) {
                javafx.scene.control.Label number = (javafx.scene.control.Label) marker.getParent().lookup(".lineno");
                return Integer.parseInt(number.getText().strip());
            }
        }
        return -1;
    }

    private String currentLineNumber() {
        return taskMd.lookupAll(".lineno").stream()
                .filter(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current")))
                .map(n -> ((javafx.scene.control.Label) n).getText().strip()).findFirst().orElse("");
    }

    /** Ctrl+F in the editor: the options narrow the matches, "n of m" follows F3 and Shift+F3. */
    @Test
    void findCountsMatchesWithItsOptionsAndF3StepsThroughThem(FxRobot robot) throws Exception {
        robot.interact(() -> taskMd().textProperty().set("Login login LOGIN logins\nlogin again\n"));
        robot.clickOn(taskMd);
        robot.interact(() -> taskMd.moveTo(0));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor("the find field to have the focus", () -> robot.lookup("#find-field").query().isFocused());
        robot.write("login");

        waitFor("five matches", () -> findCount().equals("1 of 5"));
        assertThat(onFx(taskMd::getSelectedText)).isEqualTo("Login");
        robot.clickOn("#find-whole-word");
        waitFor("whole words only", () -> findCount().endsWith("of 4"));
        robot.clickOn("#find-match-case");
        waitFor("whole words in this case only", () -> findCount().endsWith("of 2"));
        robot.push(KeyCode.F3);
        waitFor("the next match", () -> findCount().equals("2 of 2"));
        assertThat(onFx(() -> taskMd.getSelection().getStart())).isEqualTo("Login login LOGIN logins\n".length());
        robot.push(KeyCode.SHIFT, KeyCode.F3);
        waitFor("the previous match", () -> findCount().equals("1 of 2"));
        assertThat(onFx(() -> taskMd.getSelection().getStart())).isEqualTo("Login ".length());

        robot.clickOn("#find-regex");
        robot.interact(() -> robot.lookup("#find-field").queryAs(javafx.scene.control.TextField.class).setText("log(in"));
        waitFor("the regex error", () -> findCount().startsWith("Not a valid regular expression"));
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "23-editor-find-light"));
    }

    /** Ctrl+H, a regex with a group, Replace all: one Ctrl+Z in the editor puts every match back. */
    @Test
    void replaceAllWithARegexIsOneUndoStep(FxRobot robot) throws Exception {
        String before = "- AC-1 first\n- AC-2 second\n- AC-12 third\n";
        robot.interact(() -> taskMd().textProperty().set(before));
        robot.clickOn(taskMd);
        robot.push(KeyCode.CONTROL, KeyCode.H);
        waitFor("the replace field", () -> robot.lookup("#replace-field").query().isVisible());
        robot.clickOn("#find-regex");
        robot.interact(() -> {
            robot.lookup("#find-field").queryAs(javafx.scene.control.TextField.class).setText("AC-(\\d+)");
            robot.lookup("#replace-field").queryAs(javafx.scene.control.TextField.class).setText("criterion $1");
        });
        waitFor("three matches", () -> findCount().endsWith("of 3"));
        robot.clickOn("#replace-all");

        String after = "- criterion 1 first\n- criterion 2 second\n- criterion 12 third\n";
        waitFor("every match replaced", () -> onFx(() -> taskMd.getText()).equals(after));
        assertThat(taskMd().text()).isEqualTo(after);
        robot.clickOn(taskMd);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("one undo to restore all", () -> onFx(() -> taskMd.getText()).equals(before));
        assertThat(taskMd().text()).isEqualTo(before);
    }

    /** Autosave writes the file and the user looks at the other file: Ctrl+Z still takes the typing back. */
    @Test
    void undoSurvivesAutosaveAndATabSwitch(FxRobot robot) throws Exception {
        String before = onFx(() -> taskMd.getText());
        robot.clickOn(taskMd);
        robot.interact(() -> taskMd.moveTo(before.indexOf('\n')));
        robot.write(" typed");
        Path file = console.editor.folderProperty().get().resolve("task.md");
        waitFor("the autosave", () -> java.nio.file.Files.readString(file).contains("logins typed")
                && "Saved".equals(robot.lookup("#save-state").queryLabeled().getText()));

        robot.push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        waitFor("design-spec.md", () -> console.editor.selectedProperty().get().name().equals("design-spec.md"));
        robot.push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        waitFor("task.md again", () -> console.editor.selectedProperty().get().name().equals("task.md"));
        robot.clickOn(taskMd);
        for (int i = 0; i < 10 && !onFx(() -> taskMd.getText()).equals(before); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(onFx(() -> taskMd.getText())).isEqualTo(before);
        waitFor("the undone text saved", () -> java.nio.file.Files.readString(file).equals(before));
    }

    /** Ctrl+= and Ctrl+- change the text size of every file, Ctrl+0 restores it. */
    @Test
    void textSizeFollowsItsKeys(FxRobot robot) throws Exception {
        robot.clickOn(taskMd);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        waitFor("a pixel larger text", () -> taskMd.getStyle().contains("-fx-font-size: 14.5px"));
        // Every file: the next one's editor, made when its tab is first shown, has the new size too.
        robot.push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        waitFor("design-spec.md at the same size", () -> robot.lookup("#editor-design-spec-md").tryQueryAs(CodeArea.class)
                .map(spec -> spec.getStyle().contains("-fx-font-size: 14.5px")).orElse(false));
        robot.push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        robot.clickOn(taskMd);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        waitFor("the usual size", () -> taskMd.getStyle().contains("-fx-font-size: 13.5px")
                && robot.lookup("#editor-design-spec-md").queryAs(CodeArea.class).getStyle().contains("-fx-font-size: 13.5px"));
    }

    /** The size of the first drawn run of plain prose (headings are drawn larger). */
    private double proseSize() {
        return taskMd.lookupAll(".text").stream()
                .filter(n -> n instanceof Text t && t.getStyleClass().size() == 1 && !t.getText().isBlank())
                .map(n -> ((Text) n).getFont().getSize()).findFirst().orElse(-1.0);
    }

    private String findCount() throws Exception {
        return onFx(() -> robotLabel("#find-count"));
    }

    private String robotLabel(String id) {
        return ((javafx.scene.control.Label) console.stage().getScene().lookup(id)).getText();
    }

    private DocumentModel taskMd() {
        return console.editor.document("task.md").orElseThrow();
    }

    /** The style classes of the first character of {@code part}, as the area holds them. */
    private Collection<String> classesAt(String part) throws Exception {
        return onFx(() -> {
            int at = taskMd.getText().indexOf(part);
            assertThat(at).as("'%s' in the editor", part).isGreaterThanOrEqualTo(0);
            return taskMd.getStyleOfChar(at);
        });
    }

    /** The text node drawing exactly {@code content} (one styled run), or null. */
    private Text drawnText(String content) {
        for (Node node : taskMd.lookupAll(".text")) {
            if (node instanceof Text text && text.getText().equals(content)) {
                return text;
            }
        }
        return null;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
