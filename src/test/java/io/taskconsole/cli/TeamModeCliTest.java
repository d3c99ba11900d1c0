package io.taskconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.server.RunningOrchestrator;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Team mode: {@code submit}, {@code retry} and {@code attempts} with {@code --server} and a token
 * file go through a running orchestrator service (real socket, test API server, real helm); this
 * machine needs no kubeconfig and no helm, and the token shows nowhere.
 */
class TeamModeCliTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String TOKEN = "pm-token-of-heidi";

    @TempDir
    Path temp;
    private RunningOrchestrator service;
    private String namespace;
    private String url;
    private Path tokenFile;

    @BeforeEach
    void start() throws Exception {
        service = RunningOrchestrator.start(temp, Map.of(TOKEN, "heidi"));
        namespace = service.namespace();
        url = service.url();
        tokenFile = temp.resolve("my-token");
        Files.writeString(tokenFile, TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void submitRetryAndAttemptsGoThroughTheService() throws Exception {
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        String folder = task.folder().toString();
        String config = task.info().service() + "-task-" + task.info().id() + "-run-";

        CliRun submit = CliRun.of("submit", folder, "--server", url, "--token-file", tokenFile.toString());
        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.out()).contains("==> Attempt 1 of task " + task.info().id() + " submitted");
        assertThat(SERVER.client().configMaps().inNamespace(namespace).withName(config + "1-files").get().getData())
                .containsEntry("task.md", task.file("task.md").orElseThrow().content())
                .hasEntrySatisfying("metadata.yaml", m -> assertThat(m).contains("heidi"));

        CliRun retry = CliRun.of("retry", folder, "--attempt", "1", "--server", url, "--token-file", tokenFile.toString());
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.out()).contains("Attempt 2 of task");

        CliRun attempts = CliRun.of("attempts", folder, "-o", "json", "--server", url, "--token-file", tokenFile.toString());
        assertThat(attempts.exitCode()).as(attempts.toString()).isZero();
        JsonNode listed = JsonMapper.builder().build().readTree(attempts.out());
        assertThat(listed.path("attempts").valueStream().map(a -> a.path("attempt").asInt())).containsExactly(2, 1);
        assertThat(listed.path("attempts").get(0).path("namespace").asString()).isEqualTo(namespace);

        assertThat(submit + retry.toString() + attempts).doesNotContain(TOKEN);
        assertThat(Files.exists(task.folder().resolve(".history"))).as("no local history: the service keeps it").isFalse();
    }

    @Test
    void aRefusalSaysWhatTheServiceSaidWithoutTheToken() throws Exception {
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        Path wrong = temp.resolve("wrong-token");
        Files.writeString(wrong, "not-the-token-xyz");

        CliRun refused = CliRun.of("submit", task.folder().toString(), "--server", url, "--token-file", wrong.toString());
        assertThat(refused.exitCode()).isEqualTo(TaskConsoleCli.FAILED);
        assertThat(refused.err()).contains("refused to submit (401)").contains("--token-file").doesNotContain("not-the-token-xyz");

        CliRun mixed = CliRun.of("submit", task.folder().toString(), "--server", url, "--token-file", tokenFile.toString(),
                "-n", namespace);
        assertThat(mixed.exitCode()).isEqualTo(TaskConsoleCli.BAD_INPUT);
        assertThat(mixed.err()).contains("--server sends through the orchestrator");

        CliRun noServer = CliRun.of("attempts", task.folder().toString(), "--token-file", tokenFile.toString());
        assertThat(noServer.exitCode()).isEqualTo(TaskConsoleCli.BAD_INPUT);
        assertThat(noServer.err()).contains("--token-file is for --server");
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).isEmpty();
    }
}
