package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.app.OrchestratorTarget;
import io.taskconsole.app.TeamToken;
import io.taskconsole.server.RunningOrchestrator;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode's bad inputs: the orchestrator's URL, the token file, a service that does not answer
 * and one that refuses the token. The CLI ({@code --server}, {@code --token-file}) and the console's
 * Cluster pane make the target and the client through the same {@link OrchestratorTarget}, so each
 * sentence here is what both show.
 */
class OrchestratorCasesTest {

    @TempDir
    Path temp;

    @Test
    @BadInputCase(id = "orchestrator-url-missing", area = "Orchestrator", input = "Orchestrator mode without a URL",
            shows = "No orchestrator URL is given. Enter the service's base URL, e.g. https://orchestrator.example.com.",
            outcome = "Cluster pane status line, banner on Submit; nothing is sent")
    void noUrl() {
        shows(messageOf(() -> OrchestratorTarget.parse("  ", null)));
    }

    @Test
    @BadInputCase(id = "orchestrator-url-not-http", area = "Orchestrator", input = "A URL without http(s) or a host",
            shows = "The orchestrator URL 'orchestrator.example.com' is not an http(s) URL with a host. Use the service's "
                    + "base URL, e.g. https://orchestrator.example.com.")
    void notHttp() {
        shows(messageOf(() -> OrchestratorTarget.parse("orchestrator.example.com", null)));
    }

    @Test
    @BadInputCase(id = "orchestrator-url-space", area = "Orchestrator", input = "A URL with a space in it",
            shows = "The orchestrator URL 'http://orchestrator example' has a space at character "
                    + "20. Use the service's base URL, e.g. https://orchestrator.example.com.")
    void malformed() {
        shows(messageOf(() -> OrchestratorTarget.parse("http://orchestrator example", null)));
    }

    @Test
    @BadInputCase(id = "orchestrator-url-credentials", area = "Orchestrator", input = "A password in the URL",
            shows = "The orchestrator URL holds a user name or password. Leave credentials out of the URL; the token comes "
                    + "from the token file or TASK_CONSOLE_TOKEN.", outcome = "the URL (and its password) is not repeated")
    void credentialsInUrl() {
        shows(messageOf(() -> OrchestratorTarget.parse("https://pm:hunter2@orchestrator.example.com", null)));
    }

    @Test
    @BadInputCase(id = "token-file-unreadable", area = "Orchestrator", input = "A token file that does not exist",
            shows = "Cannot read the token file <path> (NoSuchFileException). Name a readable file holding only the token "
                    + "the orchestrator's operator gave you.")
    void tokenFileMissing() {
        OrchestratorTarget target = new OrchestratorTarget(URI.create("http://127.0.0.1:1"), temp.resolve("no-such-token"));
        shows(messageOf(() -> target.client(Map.of())));
    }

    @Test
    @BadInputCase(id = "token-file-empty", area = "Orchestrator", input = "An empty token file",
            shows = "The token file <path> must hold one token on one line. Write only the token into it, e.g. kubectl "
                    + "create token NAME > <path>.")
    void tokenFileEmpty() throws Exception {
        Path empty = Files.writeString(temp.resolve("token"), "\n");
        OrchestratorTarget target = new OrchestratorTarget(URI.create("http://127.0.0.1:1"), empty);
        shows(messageOf(() -> target.client(Map.of())));
    }

    @Test
    @BadInputCase(id = "token-missing", area = "Orchestrator", input = "No token file and no TASK_CONSOLE_TOKEN",
            shows = "No token for the orchestrator: no token file is named and TASK_CONSOLE_TOKEN is not set. Name a file "
                    + "holding your token (--token-file, or the Cluster pane's Token file), or set TASK_CONSOLE_TOKEN.")
    void noToken() {
        OrchestratorTarget target = new OrchestratorTarget(URI.create("http://127.0.0.1:1"), null);
        shows(messageOf(() -> target.client(Map.of(TeamToken.VARIABLE, " "))));
    }

    @Test
    @BadInputCase(id = "orchestrator-unreachable", area = "Orchestrator", input = "Nothing listens at the URL",
            shows = "Cannot reach the orchestrator at http://127.0.0.1:<port> to submit: <reason>. Check the orchestrator "
                    + "URL (--server, or the console's Cluster pane) and that the service is running (curl "
                    + "http://127.0.0.1:<port>/healthz).", outcome = "nothing is created; the console's log shows the POST")
    void unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        Path token = Files.writeString(temp.resolve("token"), "some-token\n");
        OrchestratorTarget target = new OrchestratorTarget(URI.create("http://127.0.0.1:" + port), token);
        shows(messageOf(() -> target.client(Map.of()).submit(task)));
    }

    @Test
    @BadInputCase(id = "orchestrator-401", area = "Orchestrator", input = "A token the service does not know",
            shows = "The orchestrator at http://127.0.0.1:<port> refused to submit (401): The bearer token is not known "
                    + "to this service. Ask its operator for one. Check the token (the token file named by --token-file "
                    + "or the Cluster pane, or TASK_CONSOLE_TOKEN) with the service's operator.",
            outcome = "the service's problem+json detail; the token is not repeated; nothing is created")
    void unknownToken() throws Exception {
        try (RunningOrchestrator service = RunningOrchestrator.start(temp, Map.of("the-only-token", "nobody"))) {
            TaskDraft task = SampleTask.create(temp.resolve("tasks"));
            Path token = Files.writeString(temp.resolve("token"), "a-token-it-does-not-know\n");
            OrchestratorTarget target = new OrchestratorTarget(URI.create(service.url()), token);
            String message = messageOf(() -> target.client(Map.of()).submit(task));
            org.assertj.core.api.Assertions.assertThat(message).doesNotContain("a-token-it-does-not-know");
            shows(message);
            org.assertj.core.api.Assertions.assertThat(TestKubeApiServer.shared().client().configMaps()
                    .inNamespace(service.namespace()).list().getItems()).isEmpty();
        }
    }
}
