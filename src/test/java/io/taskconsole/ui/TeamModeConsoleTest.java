package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.server.RunningOrchestrator;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.log.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Team mode in the console: the Cluster pane switched to Orchestrator with a token file sends
 * Submit, Retry and the Attempts list through a running orchestrator service (real socket, the
 * test API server, real helm); this machine's kubeconfig and helm are not used, the service's
 * progress shows in the log, the token's user is the submitter, and the token shows nowhere.
 */
@ExtendWith(ApplicationExtension.class)
class TeamModeConsoleTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String TOKEN = "pm-token-of-heidi-7f3a";
    private static final String CONFIG_MAP = "auth-service-task-1001-run-";

    @TempDir
    Path temp;
    DesktopSession console;
    private RunningOrchestrator service;
    private String namespace;
    private String url;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    /** The orchestrator service as {@code task-console serve --tokens FILE} runs it, on a port of its own. */
    private void startService() throws Exception {
        service = RunningOrchestrator.start(temp, Map.of(TOKEN, "heidi"));
        namespace = service.namespace();
        url = service.url();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> console.theme.choiceProperty().set(Theme.LIGHT));
        if (service != null) {
            service.close();
        }
    }

    /** Switches the Cluster pane to Orchestrator and types the URL and the token file, as a user does. */
    private void chooseOrchestrator(FxRobot robot, Path tokenFile) {
        waitFor("the sample task", () -> console.editor.isOpen());
        robot.interact(() -> console.window().show(MainWindow.Pane.CLUSTER));
        waitFor("the Cluster pane", () -> robot.lookup("#target-orchestrator").tryQuery().isPresent());
        robot.clickOn("#target-orchestrator");
        assertThat(console.cluster.kindProperty().get()).isEqualTo(ClusterViewModel.Kind.ORCHESTRATOR);
        assertThat(robot.lookup("#kubeconfig").queryAs(TextField.class).getParent().isVisible()).as("Kubernetes fields hidden").isFalse();
        robot.clickOn("#orchestrator-url").write(url);
        robot.clickOn("#token-file").write(tokenFile.toString());
        waitFor("the fields in the model", () -> url.equals(console.cluster.orchestratorUrlProperty().get())
                && tokenFile.toString().equals(console.cluster.tokenFileProperty().get()));
    }

    private String logText() {
        return console.log.lines().stream().map(LogLine::plain).collect(Collectors.joining("\n"));
    }

    private Map<String, String> files(int attempt) {
        return SERVER.client().configMaps().inNamespace(namespace).withName(CONFIG_MAP + attempt + "-files").get().getData();
    }

    @Test
    void submitAndRetryGoThroughTheOrchestratorService(FxRobot robot) throws Exception {
        startService();
        Path tokenFile = temp.resolve("my-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        chooseOrchestrator(robot, tokenFile);

        robot.clickOn("#check-connection");
        waitFor("the check", () -> console.cluster.statusProperty().get() == ClusterViewModel.Status.CONNECTED
                || console.cluster.statusProperty().get() == ClusterViewModel.Status.FAILED);
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("The orchestrator at " + url + " is ready");
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "12-cluster-orchestrator-light"));
        robot.interact(() -> console.theme.choiceProperty().set(Theme.DARK));
        robot.sleep(300);
        robot.interact(() -> {
            Screenshots.save(console.stage().getScene(), "13-cluster-orchestrator-dark");
            console.theme.choiceProperty().set(Theme.LIGHT);
        });

        robot.clickOn("#submit");
        waitFor("attempt 1 through the service", () -> console.submit.lastOutcomeProperty().get() != null
                && !console.submit.runningProperty().get(), FxWait.errorNotice(console.notices));
        assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(logText()).isTrue();
        assertThat(console.notices.current().message()).startsWith("Attempt 1 of task 1001 submitted: release "
                + CONFIG_MAP + "1");
        waitFor("the service's answer in the log", () -> logText().contains("201 Created"));
        assertThat(logText()).contains("Submitting task 1001 through the orchestrator at " + url)
                .contains("POST " + url + "/api/v1/pm/tasks: task 1001 of auth-service with ")
                .contains("201 Created /api/v1/pm/tasks/auth-service/1001/attempts/1: attempt 1, ConfigMap "
                        + CONFIG_MAP + "1-files, release " + CONFIG_MAP + "1, Job ")
                .contains("in namespace " + namespace + ", submitted by heidi")
                .doesNotContain("$ helm");
        String metadata = files(1).get("metadata.yaml");
        assertThat(metadata).as("the token's user submits, not this machine's")
                .contains("submittedBy: heidi").doesNotContain("submittedBy: " + System.getProperty("user.name"));
        assertThat(SERVER.client().secrets().inNamespace(namespace).list().getItems().stream()
                .anyMatch(s -> s.getMetadata().getName().startsWith("sh.helm.release.v1." + CONFIG_MAP + "1")))
                .as("helm's release record of attempt 1").isTrue();

        robot.clickOn(robot.lookup("#notice-bar .button").match(node -> "Show attempts".equals(
                ((javafx.scene.control.Button) node).getText())).queryAs(javafx.scene.control.Button.class));
        waitFor("attempt 1 in the list", () -> console.attempts.attempts().size() == 1);
        waitFor("the list's source", () -> console.attempts.statusProperty().get().contains("orchestrator"));
        assertThat(console.attempts.statusProperty().get()).isEqualTo("1 attempt(s). Job status from the orchestrator at "
                + url + ".");
        robot.interact(() -> console.attempts.selectedProperty().set(console.attempts.attempts().get(0)));
        waitFor("why the files are not shown", () -> robot.lookup("#attempt-files-status").queryLabeled().getText()
                .contains("orchestrator's cluster"));

        robot.clickOn("#retry");
        waitFor("the question", () -> robot.lookup("#retry-confirmation").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#retry-confirmation").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("attempt 1").contains("attempt 2")
                .contains("through the orchestrator at " + url);
        robot.clickOn(button(dialog, ButtonBar.ButtonData.OK_DONE));
        waitFor("attempt 2", () -> console.submit.lastOutcomeProperty().get().attempt() == 2
                && !console.submit.runningProperty().get(), FxWait.errorNotice(console.notices));
        assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(logText()).isTrue();
        waitFor("both attempts listed", () -> console.attempts.attempts().size() == 2);
        assertThat(console.attempts.attempts()).extracting(AttemptSummary::number).containsExactly(2, 1);
        assertThat(logText()).contains("POST " + url + "/api/v1/pm/tasks/auth-service/1001/retry: retry attempt 1")
                .contains("201 Created /api/v1/pm/tasks/auth-service/1001/attempts/2: attempt 2");
        assertThat(files(2)).as("attempt 1's exact files").containsEntry("task.md", files(1).get("task.md"));
        assertThat(files(1)).as("attempt 1 left as it was").isNotNull();
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "14-attempts-orchestrator-light"));

        Path folder = console.editor.folderProperty().get();
        assertThat(Files.exists(folder.resolve(".history"))).as("no local history in " + folder + ": the service keeps it")
                .isFalse();
        robot.interact(console::requestClose);
        Path settings = temp.resolve("config").resolve("settings.properties");
        waitFor("the settings saved", () -> Files.isRegularFile(settings)
                && Files.readString(settings).contains("orchestrator.url"));
        String saved = Files.readString(settings);
        assertThat(saved).contains("target.kind=orchestrator").contains("orchestrator.tokenFile=")
                .doesNotContain(TOKEN);
        assertThat(logText()).doesNotContain(TOKEN);
        assertThat(console.notices.current().message() + console.notices.current().details()).doesNotContain(TOKEN);
        Path appLog = temp.resolve("config").resolve("logs").resolve("task-console.log");
        if (Files.exists(appLog)) {
            assertThat(Files.readString(appLog)).doesNotContain(TOKEN);
        }
    }

    @Test
    void aWrongTokenIsRefusedWithTheServicesReasonAndNothingIsCreated(FxRobot robot) throws Exception {
        startService();
        Path wrong = temp.resolve("wrong-token");
        Files.writeString(wrong, "not-the-token-9b1c\n");
        chooseOrchestrator(robot, wrong);

        robot.clickOn("#submit");
        waitFor("the refusal", () -> !console.submit.runningProperty().get() && console.notices.current() != null
                && console.notices.current().level() == Notice.Level.ERROR);
        String banner = console.notices.current().message();
        assertThat(banner).contains("The orchestrator at " + url + " refused to submit (401)")
                .contains("Check the token").doesNotContain("not-the-token-9b1c");
        waitFor("the problem in the log", () -> logText().contains("401 application/problem+json: "));
        assertThat(logText()).contains("Submitting failed: The orchestrator at " + url + " refused to submit (401)")
                .contains("Not compared with the latest attempt: ").doesNotContain("not-the-token-9b1c");
        assertThat(console.submit.lastOutcomeProperty().get()).isNull();
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).as("nothing created").isEmpty();
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "15-orchestrator-401-light"));
    }

    @Test
    void anEmptyTokenFileAndABadUrlAreToldBeforeAnythingIsSent(FxRobot robot) throws Exception {
        startService();
        Path empty = temp.resolve("empty-token");
        Files.writeString(empty, "\n");
        chooseOrchestrator(robot, empty);

        robot.clickOn("#check-connection");
        waitFor("the check", () -> console.cluster.statusProperty().get() == ClusterViewModel.Status.FAILED);
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .contains("The token file " + empty + " must hold one token on one line");

        robot.interact(() -> console.cluster.orchestratorUrlProperty().set("orchestrator.example.com"));
        robot.clickOn("#submit");
        waitFor("the refusal", () -> console.notices.current() != null
                && console.notices.current().level() == Notice.Level.ERROR);
        assertThat(console.notices.current().message())
                .contains("The orchestrator URL 'orchestrator.example.com' is not an http(s) URL with a host")
                .contains("https://orchestrator.example.com");
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).isEmpty();
    }

    private static javafx.scene.Node button(DialogPane dialog, ButtonBar.ButtonData data) {
        ButtonType type = dialog.getButtonTypes().stream().filter(t -> t.getButtonData() == data).findFirst().orElseThrow();
        return dialog.lookupButton(type);
    }
}
