package io.taskconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.UnreachableCluster;
import io.taskconsole.transcript.AgentLogs;
import io.taskconsole.transcript.TranscriptFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code attempts} counts the criteria an attempt's agent reported met, from the agent log kept in the
 * task's history; an attempt without a kept log shows "-", one whose report does not read "no report".
 */
class AttemptsReportColumnTest {

    @TempDir
    Path dir;

    @Test
    void theTableAndJsonCountTheCriteriaMet() throws IOException {
        TaskDraft task = SampleTask.create(dir);
        AttemptHistory history = new AttemptHistory(task.folder());
        for (int n = 1; n <= 3; n++) {
            history.add(new AttemptRecord(n, null, Instant.parse("2026-01-02T03:04:0" + n + "Z"), "lab", "team-a",
                    "auth-service-task-1001-run-" + n, "auth-service-task-1001-run-" + n + "-files", "helm upgrade --install",
                    0, 1500, AttemptResult.SUCCEEDED, "submitted", null, null));
        }
        keep(history, 1, TranscriptFixture.text());
        keep(history, 2, TranscriptFixture.text().replace("AC-3: met", "AC-3 was met"));
        Path kubeconfig = UnreachableCluster.kubeconfig(dir.resolve("kubeconfig"), "lab");
        String[] target = {"--kubeconfig", kubeconfig.toString(), "--context", "lab", "-n", "team-a"};

        CliRun table = CliRun.of(concat(new String[] {"attempts", task.folder().toString()}, target));

        assertThat(table.out().lines().toList()).as(table.toString()).hasSize(4);
        assertThat(table.out().lines().findFirst().orElseThrow()).endsWith("REPORT");
        assertThat(table.out().lines().skip(1).map(l -> l.substring(l.lastIndexOf("  ")).strip()).toList())
                .containsExactly("-", "no report", "6/9 met"); // newest first

        CliRun json = CliRun.of(concat(new String[] {"attempts", task.folder().toString(), "-o", "json"}, target));
        JsonNode newestFirst = JsonMapper.builder().build().readTree(json.out()).get("attempts");
        JsonNode[] attempts = {newestFirst.get(2), newestFirst.get(1), newestFirst.get(0)};
        assertThat(attempts[0].get("attempt").asInt()).isEqualTo(1);
        assertThat(attempts[0].get("report").get("state").asString()).isEqualTo("parsed");
        assertThat(attempts[0].get("report").get("met").asInt()).isEqualTo(6);
        assertThat(attempts[0].get("report").get("out_of").asInt()).isEqualTo(9);
        assertThat(attempts[1].get("report").get("state").asString()).isEqualTo("malformed");
        assertThat(attempts[1].get("report").get("problem").asString()).contains("line 3 of the report, 'AC-3 was met - TestSuccessfulLoginResetsCounter'");
        assertThat(attempts[2].get("report").isNull()).isTrue();
    }

    private static void keep(AttemptHistory history, int attempt, String log) throws IOException {
        Path file = history.folder().resolve(AgentLogs.fileName(attempt, "agent"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, log);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
