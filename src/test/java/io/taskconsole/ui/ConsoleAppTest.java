package io.taskconsole.ui;

import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.UnreachableCluster;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.submit.AttemptResult;

import static io.taskconsole.ui.FxWait.onFx;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.MetadataYaml;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.log.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real console, with the real core, as a product manager would. */
@ExtendWith(ApplicationExtension.class)
class ConsoleAppTest {

    @TempDir
    Path temp;
    DesktopSession console;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (console.submit.runningProperty().get()) {
                console.submit.cancel();
            }
            console.theme.choiceProperty().set(Theme.LIGHT);
        });
    }

    private String previewText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> console.window().preview.renderedText()).get();
    }

    private String drawnPreviewText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> console.window().preview.drawnText()).get();
    }

    private String taskMdText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> console.editor.selectedProperty().get().textProperty().get()).get();
    }

    private void waitForSample() {
        waitFor("the sample task to open with its preview", () -> console.editor.isOpen()
                && previewText().contains("Rate-limit failed logins"));
    }

    @Test
    void firstRunShowsTheSampleTaskWithPreviewAndCriteria(FxRobot robot) {
        waitForSample();

        assertThat(console.stage().getTitle()).contains("Task Console").contains("1001");
        waitFor("criteria", () -> console.criteria.totalProperty().get() > 0);
        assertThat(robot.lookup("#criteria-warning").queryAs(javafx.scene.control.Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#task-list").queryListView().getItems()).hasSize(1);
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "01-sample-task-light"));
    }

    @Test
    void typingUpdatesThePreviewTheCriteriaAndTheFileOnDisk(FxRobot robot) throws Exception {
        waitForSample();
        waitFor("criteria", () -> console.criteria.totalProperty().get() > 0);
        int before = console.criteria.totalProperty().get();

        CodeArea area = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
        robot.clickOn(area);
        robot.interact(() -> {
            String text = area.getText();
            int lastItem = text.lastIndexOf("\n- [ ]");
            area.moveTo(text.indexOf('\n', lastItem + 1));
        });
        robot.write("\n- [x] Lockouts are logged");

        waitFor("the preview to show the new criterion",
                () -> previewText().contains("Lockouts are logged"));
        waitFor("a new criterion", () -> console.criteria.totalProperty().get() == before + 1);
        assertThat(console.criteria.checkedProperty().get()).isGreaterThanOrEqualTo(1);
        Path taskMd = console.editor.folderProperty().get().resolve("task.md");
        waitFor("autosave", () -> Files.readString(taskMd, StandardCharsets.UTF_8).contains("- [x] Lockouts are logged"));
        assertThat(robot.lookup("#save-state").queryLabeled().getText()).isEqualTo("Saved");
    }

    @Test
    void clearingTheCriteriaShowsAWarningAndClickingOneJumpsToItsLine(FxRobot robot) {
        waitForSample();
        waitFor("criteria", () -> console.criteria.totalProperty().get() > 0);

        var first = console.criteria.criteria().get(0);
        robot.interact(() -> console.criteria.reveal(first));
        CodeArea area = robot.lookup("#editor-" + first.source().replace('.', '-')).queryAs(CodeArea.class);
        waitFor("the caret on the criterion's line",
                () -> area.getText().substring(0, area.getCaretPosition()).split("\n", -1).length == first.line());

        robot.interact(() -> {
            console.editor.document("task.md").orElseThrow().textProperty().set("# Nothing to check\n");
            console.editor.document("design-spec.md").orElseThrow().textProperty().set("# Design\n");
        });
        waitFor("the warning", () -> robot.lookup("#criteria-warning").queryLabeled().isVisible());
    }

    @Test
    void thePreviewFollowsTheEditorsLine(FxRobot robot) throws Exception {
        waitForSample();
        waitFor("the top of the sample on screen", () -> drawnPreviewText().contains("Rate-limit failed logins"));
        String lastBlock = WaitForAsyncUtils.asyncFx(() -> {
            var blocks = console.preview.blocks();
            return blocks.get(blocks.size() - 1).plainText();
        }).get();
        assertThat(drawnPreviewText()).as("the sample is longer than the pane").doesNotContain(lastBlock);
        int lastLine = console.editor.document("task.md").orElseThrow().text().split("\n").length;

        robot.interact(() -> console.editor.jumpTo("task.md", lastLine));

        waitFor("the end of the task on screen", () -> drawnPreviewText().contains(lastBlock), () -> null,
                PreviewFollowState.of(console.window().preview, console.editor));
        assertThat(drawnPreviewText()).doesNotContain("Users report credential-stuffing");
    }

    /** No browser engine: markup in a task is shown as the text it is, and links are never followed. */
    @Test
    void markupAndScriptsInTheMarkdownAreShownAsText(FxRobot robot) throws Exception {
        waitForSample();
        robot.interact(() -> console.editor.document("task.md").orElseThrow().textProperty().set("""
                # Harmless

                <script>alert('pwned')</script>

                [link](javascript:alert('link')) and ![diagram](https://example.com/x.png)

                ~~Dropped~~ requirement
                """));
        waitFor("the new text on screen", () -> drawnPreviewText().contains("Harmless"));

        String drawn = drawnPreviewText();
        assertThat(drawn).contains("<script>alert('pwned')</script>").contains("link").contains("[image: diagram]");
        assertThat(drawn).doesNotContain("https://example.com");
        assertThat(robot.lookup("#preview .md-strike").queryAs(javafx.scene.text.Text.class).isStrikethrough())
                .as("struck-through text is drawn struck through").isTrue();
    }

    @Test
    void dryRunRendersTheConfigMapAndHelmTemplateWithoutACluster(FxRobot robot) {
        waitForSample();
        ConsoleHelm.use(robot, console);

        robot.clickOn("#dry-run");

        waitFor("the dry run", () -> console.submit.dryRunProperty().get() != null, FxWait.errorNotice(console.notices));
        assertThat(robot.lookup("#dry-run-configmap").queryAs(TextArea.class).getText())
                .contains("ConfigMap").contains("auth-service-task-1001-run-1-files");
        assertThat(console.submit.dryRunProperty().get().manifests()).contains("kind: Job");
        assertThat(console.log.lines()).extracting(LogLine::plain).anyMatch(l -> l.startsWith("$ ") && l.contains("helm upgrade --install"));
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "02-dry-run-light"));
    }

    @Test
    void anUnreachableClusterGivesOneLineBannerWithDetailsAndNoSecrets(FxRobot robot) throws Exception {
        waitForSample();
        ConsoleHelm.use(robot, console);
        Path kubeconfig = UnreachableCluster.kubeconfig(temp.resolve("kubeconfig"), "gone-context");
        robot.interact(() -> console.cluster.kubeconfigProperty().set(kubeconfig.toString()));

        robot.clickOn("#submit");

        waitFor("an error banner", () -> console.notices.current() != null
                && console.notices.current().level() == Notice.Level.ERROR);
        String banner = robot.lookup("#notice-message").queryLabeled().getText();
        assertThat(banner).doesNotContain("\n").doesNotContain(UnreachableCluster.TOKEN).doesNotContain("\tat ");
        assertThat(banner).contains("gone-context");
        assertThat(console.submit.runningProperty().get()).isFalse();
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "03-error-banner-light"));
    }

    @Test
    void submitThenRetryAgainstAnApiServerWithRealHelm(FxRobot robot) throws Exception {
        waitForSample();
        ConsoleHelm.use(robot, console);
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            server.createAttemptNamespace("orchestrator");
            Path kubeconfig = server.writeKubeconfig(temp.resolve("kube"), "test-context", "orchestrator");
            robot.interact(() -> {
                console.cluster.kubeconfigProperty().set(kubeconfig.toString());
                console.cluster.contextProperty().set("test-context");
            });

            robot.clickOn("#submit");
            waitFor("attempt 1", () -> console.submit.lastOutcomeProperty().get() != null && !console.submit.runningProperty().get(),
                    FxWait.errorNotice(console.notices));
            assertThat(console.submit.lastOutcomeProperty().get().succeeded())
                    .as(console.notices.current() == null ? "" : console.notices.current().message()).isTrue();
            assertThat(server.client().configMaps().inNamespace("orchestrator")
                    .withName("auth-service-task-1001-run-1-files").get()).isNotNull();

            // The outcome's banner leads to the attempts, which get the main area's whole width.
            robot.clickOn(robot.lookup("#notice-bar .button").match(node -> "Show attempts".equals(((javafx.scene.control.Button) node).getText()))
                    .queryAs(javafx.scene.control.Button.class));
            assertThat(console.window().attemptsTab.isSelected()).as("the Attempts tab after 'Show attempts'").isTrue();
            waitFor("attempt 1 in the list", () -> console.attempts.attempts().size() == 1);
            robot.interact(() -> console.attempts.selectedProperty().set(console.attempts.attempts().get(0)));
            waitFor("attempt 1's files from its ConfigMap", () -> robot.lookup("#attempt-file-tab-prompt-md").tryQuery().isPresent());
            assertThat(robot.lookup("#attempt-files").queryAs(javafx.scene.control.TabPane.class).getTabs())
                    .extracting(javafx.scene.control.Tab::getText).contains("log", "prompt.md", "task.md");
            robot.clickOn("#attempt-file-tab-prompt-md");
            assertThat(robot.lookup("#attempt-file-prompt-md").queryAs(TextArea.class).getText()).contains("1001");
            assertThat(robot.lookup("#attempt-files-status").queryLabeled().isVisible()).isFalse();
            robot.interact(() -> {
                var tabs = robot.lookup("#attempt-files").queryAs(javafx.scene.control.TabPane.class);
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("prompt.md")).findFirst().orElseThrow());
                Screenshots.save(console.stage().getScene(), "07-attempt-files-light");
                console.theme.choiceProperty().set(Theme.DARK);
            });
            robot.sleep(300);
            robot.interact(() -> {
                Screenshots.save(console.stage().getScene(), "08-attempt-files-dark");
                var tabs = robot.lookup("#attempt-files").queryAs(javafx.scene.control.TabPane.class);
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "attempt-log-tab".equals(t.getId())).findFirst().orElseThrow());
            });
            robot.sleep(300);
            robot.interact(() -> {
                Screenshots.save(console.stage().getScene(), "08-attempt-helm-log-dark");
                console.theme.choiceProperty().set(Theme.LIGHT);
            });

            robot.clickOn("#retry");
            waitFor("the question", () -> robot.lookup("#retry-confirmation").tryQuery().isPresent());
            DialogPane dialog = robot.lookup("#retry-confirmation").queryAs(DialogPane.class);
            assertThat(dialog.getContentText()).contains("attempt 1").contains("attempt 2")
                    .contains("test-context").contains("orchestrator");
            robot.clickOn(button(dialog, ButtonBar.ButtonData.OK_DONE));

            waitFor("attempt 2", () -> console.submit.lastOutcomeProperty().get().attempt() == 2
                    && !console.submit.runningProperty().get());
            assertThat(console.submit.lastOutcomeProperty().get().succeeded()).isTrue();
            waitFor("both attempts listed", () -> console.attempts.attempts().size() == 2);
            assertThat(console.attempts.attempts()).extracting(AttemptSummary::number).containsExactly(2, 1);
            robot.interact(() -> Screenshots.save(console.stage().getScene(), "04-attempts-light"));
        }

        robot.interact(() -> console.attempts.selectedProperty().set(console.attempts.attempts().get(0)));
        waitFor("a one-line reason instead of the files", () -> robot.lookup("#attempt-files-status").queryLabeled().isVisible()
                && robot.lookup("#attempt-files-status").queryLabeled().getText().startsWith("Files unavailable: "));
        assertThat(robot.lookup("#attempt-files-status").queryLabeled().getText()).doesNotContain("\n");
        assertThat(robot.lookup("#attempt-files").queryAs(javafx.scene.control.TabPane.class).getTabs())
                .as("the helm log, container log, transcript and drafts tabs, no file tabs").hasSize(4);
        // The attempt's helm log is in the console's log panel, line by line.
        io.taskconsole.ui.log.LogLinesView helmLog = robot.lookup("#attempt-log-list").queryAs(io.taskconsole.ui.log.LogLinesView.class);
        waitFor("the attempt's helm log", () -> onFx(() -> !helmLog.getItems().isEmpty()));
        assertThat(onFx(() -> helmLog.getItems().stream().map(l -> ((io.taskconsole.ui.log.LogLine) l).plain())
                .filter(l -> l.contains("helm upgrade --install")).count())).as("helm's command, once").isEqualTo(1L);
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "11-attempt-files-unreachable-light"));
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#attempt-files").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "attempt-log-tab".equals(t.getId())).findFirst().orElseThrow());
        });
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "12-attempt-helm-log-light"));
    }

    /** Points the console at {@code server} with a helm that hangs, submits, and waits until helm runs. */
    private void submitWithHangingHelm(FxRobot robot, TestKubeApiServer server) throws Exception {
        server.createAttemptNamespace("orchestrator");
        Path kubeconfig = server.writeKubeconfig(temp.resolve("kube"), "test-context", "orchestrator");
        Path slowHelm = slowHelm();
        robot.interact(() -> {
            console.cluster.kubeconfigProperty().set(kubeconfig.toString());
            console.cluster.helmPathProperty().set(slowHelm.toString());
        });
        robot.clickOn("#submit");
        waitFor("helm to start", () -> console.log.lines().stream().anyMatch(l -> l.plain().startsWith("$ ")));
    }

    @Test
    void cancelStopsARunningHelm(FxRobot robot) throws Exception {
        waitForSample();
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            submitWithHangingHelm(robot, server);
            assertThat(robot.lookup("#log-cancel").queryButton().isDisabled()).isFalse();

            robot.clickOn("#log-cancel");

            try {
                waitFor("the submission to stop", () -> !console.submit.runningProperty().get());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; log:\n" + console.log.text(), e);
            }
            // Log lines reach the panel in batches, a moment after the submission has stopped.
            waitFor("Cancelled in the log", () -> console.log.lines().stream().map(LogLine::plain).anyMatch("Cancelled"::equals));
            assertThat(console.notices.current().level()).isEqualTo(Notice.Level.INFO);
            assertThat(console.notices.current().message()).contains("cancelled");
        }
    }

    @Test
    void quittingDuringASubmissionAsksFirstAndCancelsIt(FxRobot robot) throws Exception {
        waitForSample();
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            submitWithHangingHelm(robot, server);

            javafx.application.Platform.runLater(console::requestClose);
            waitFor("the question", () -> robot.lookup("#quit-confirmation").tryQuery().isPresent());
            robot.clickOn(button(robot.lookup("#quit-confirmation").queryAs(DialogPane.class), ButtonBar.ButtonData.CANCEL_CLOSE));
            assertThat(console.stage().isShowing()).isTrue();
            assertThat(console.submit.runningProperty().get()).isTrue();

            javafx.application.Platform.runLater(console::requestClose);
            waitFor("the question again", () -> robot.lookup("#quit-confirmation").tryQuery().isPresent());
            robot.clickOn(button(robot.lookup("#quit-confirmation").queryAs(DialogPane.class), ButtonBar.ButtonData.OK_DONE));

            waitFor("helm to be cancelled and the window to close",
                    () -> !console.submit.runningProperty().get() && !console.stage().isShowing());
            // The log panel closed with the window; the task's history is what stays.
            assertThat(new AttemptHistory(console.editor.folderProperty().get()).list())
                    .extracting(AttemptRecord::status).containsExactly(AttemptResult.CANCELLED);
        }
    }

    @Test
    void aPaneIsBuiltOnScreenOnlyWhenItsTabIsFirstOpened(FxRobot robot) {
        waitForSample();
        waitFor("the side and bottom panes", () -> WaitForAsyncUtils.asyncFx(() -> console.window().layoutComplete()).get());
        assertThat(console.window().attemptsTab.getContent()).as("attempts before its tab is opened").isNull();
        assertThat(console.window().attempts).as("the attempts view before its tab is opened").isNull();
        assertThat(robot.lookup("#criteria-tree").tryQuery()).as("the tab open at start").isPresent();
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<io.taskconsole.markdown.Criterion> tree = robot.lookup("#criteria-tree").queryAs(javafx.scene.control.TreeView.class);
        waitFor("the sample's criteria in the tree", () -> WaitForAsyncUtils.asyncFx(() -> tree.getRoot() == null ? List.<String>of()
                : tree.getRoot().getChildren().stream().map(item -> item.getValue().id()).toList()).get()
                .containsAll(List.of("AC-1", "AC-7")));

        robot.clickOn(robot.lookup("#work-area-tabs .tab-label").match(node -> "Attempts".equals(((javafx.scene.control.Labeled) node).getText()))
                .queryAs(javafx.scene.Node.class));

        waitFor("the attempts pane", () -> console.window().attemptsTab.getContent() != null);
        assertThat(robot.lookup("#attempts").tryQuery()).isPresent();
    }

    /** prompt.md and metadata.yaml are generated when their tab is opened (not while nobody looks), and follow the edits. */
    @Test
    void theGeneratedPromptIsThereWhenItsTabIsOpenedAndFollowsTheEditor(FxRobot robot) throws Exception {
        waitForSample();
        waitFor("the side and bottom panes", () -> WaitForAsyncUtils.asyncFx(() -> console.window().layoutComplete()).get());
        assertThat(console.submit.generatedProperty().get()).as("prompt.md before its tab is opened").isNull();

        // The panes go in one frame after the editor's; the tab is clicked once it has been laid out.
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> generatedTab = () -> robot.lookup(".tab-label")
                .match(node -> "Generated files".equals(((javafx.scene.control.Labeled) node).getText())).tryQuery();
        waitFor("the Generated files tab on screen", () -> WaitForAsyncUtils.asyncFx(
                () -> generatedTab.get().map(tab -> tab.getLayoutBounds().getWidth() > 0 && tab.isVisible()).orElse(false)).get());
        robot.clickOn(generatedTab.get().orElseThrow());

        TextArea prompt = robot.lookup("#generated-prompt").queryAs(TextArea.class);
        TextArea metadata = robot.lookup("#generated-metadata").queryAs(TextArea.class);
        waitFor("prompt.md", () -> WaitForAsyncUtils.asyncFx(() -> prompt.getText()).get().contains("# Task 1001"));
        waitFor("metadata.yaml with task.md's checksum", () -> WaitForAsyncUtils.asyncFx(() -> metadata.getText()).get()
                .contains(MetadataYaml.sha256(taskMdText().getBytes(StandardCharsets.UTF_8))));

        robot.interact(() -> console.window().editor.focusEditor());
        robot.push(KeyCode.CONTROL, KeyCode.END);
        robot.write("\nOne more line.\n");

        String edited = taskMdText();
        assertThat(edited).endsWith("One more line.\n");
        waitFor("metadata.yaml with the edited task.md's checksum", () -> WaitForAsyncUtils.asyncFx(() -> metadata.getText()).get()
                .contains(MetadataYaml.sha256(edited.getBytes(StandardCharsets.UTF_8))));
    }

    /** The preview's text colours come from the theme: light text on the dark theme's background. */
    private static boolean previewTextIsLight(FxRobot robot) {
        return robot.lookup("#preview .md-text").queryAll().stream()
                .map(node -> (javafx.scene.text.Text) node)
                .findFirst()
                .map(text -> ((javafx.scene.paint.Color) text.getFill()).getBrightness() > 0.7)
                .orElse(false);
    }

    @Test
    void darkThemeRestylesWindowAndPreview(FxRobot robot) {
        waitForSample();
        robot.interact(() -> console.theme.choiceProperty().set(Theme.DARK));
        waitFor("a dark preview", () -> WaitForAsyncUtils.asyncFx(() -> previewTextIsLight(robot)).get());
        robot.sleep(500);
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "05-sample-task-dark"));
        ConsoleHelm.use(robot, console);
        robot.clickOn("#dry-run");
        waitFor("the dry run", () -> console.submit.dryRunProperty().get() != null, FxWait.errorNotice(console.notices));
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "06-dry-run-dark"));
    }

    /** A helm that answers {@code version} and the preflight's {@code list} like the real one and hangs on anything else. */
    private Path slowHelm() throws Exception {
        Path script = temp.resolve("slow-helm");
        String realHelm = ToolBinaries.helm().toString();
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = version ] || [ \"$1\" = list ]; then exec '" + realHelm + "' \"$@\"; fi\n"
                + "echo 'Release is being installed...'\nexec sleep 300\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Node button(DialogPane dialog, ButtonBar.ButtonData data) {
        for (ButtonType type : dialog.getButtonTypes()) {
            if (type.getButtonData() == data) {
                return dialog.lookupButton(type);
            }
        }
        throw new AssertionError("no " + data + " button");
    }
}
