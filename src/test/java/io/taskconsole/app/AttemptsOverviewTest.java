package io.taskconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.AttemptStatus;
import io.taskconsole.submit.JobPhase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule by which local history and the cluster's list become one list of attempts. */
class AttemptsOverviewTest {

    private static final KubeTarget TARGET = new KubeTarget(null, "lab", "orchestrator");
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private final List<AttemptRecord> history = List.of(
            record(1, "lab", "orchestrator", AttemptResult.SUCCEEDED),
            record(2, "lab", "orchestrator", AttemptResult.FAILED),
            record(1, "prod", "orchestrator", AttemptResult.SUCCEEDED));

    @Test
    void theClusterSaysWhichExistAndLocalRecordsOfTheTargetAreJoinedByNumber() {
        List<AttemptStatus> cluster = List.of(status(1, JobPhase.SUCCEEDED), status(2, JobPhase.MISSING),
                status(3, JobPhase.RUNNING));

        AttemptsOverview overview = AttemptsOverview.merge(history, cluster, true, null, TARGET);

        assertThat(overview.attempts()).extracting(AttemptSummary::number).containsExactly(3, 2, 1);
        assertThat(overview.attempts()).extracting(AttemptSummary::job)
                .containsExactly(JobPhase.RUNNING, JobPhase.MISSING, JobPhase.SUCCEEDED);
        AttemptSummary fromElsewhere = overview.attempts().get(0);
        assertThat(fromElsewhere.local()).isFalse();
        assertThat(fromElsewhere.context()).isEqualTo("lab");
        AttemptSummary first = overview.attempts().get(2);
        assertThat(first.local()).isTrue();
        assertThat(first.context()).as("prod's attempt 1 is another namespace's sequence").isEqualTo("lab");
        assertThat(first.helmStatus()).isEqualTo("deployed");
    }

    @Test
    void withoutTheClusterEveryLocalRecordIsListedWithUnknownJobStatus() {
        AttemptsOverview overview = AttemptsOverview.merge(history, List.of(), true, "Cannot reach the cluster", TARGET);

        assertThat(overview.clusterProblem()).isEqualTo("Cannot reach the cluster");
        assertThat(overview.attempts()).hasSize(2).allSatisfy(a -> assertThat(a.job()).isEqualTo(JobPhase.UNKNOWN));
    }

    @Test
    void aLocalAttemptTheClusterNoLongerHasIsMissing() {
        AttemptsOverview overview = AttemptsOverview.merge(history.subList(0, 1), List.of(), true, null, TARGET);

        assertThat(overview.attempts()).singleElement()
                .satisfies(a -> assertThat(a.job()).isEqualTo(JobPhase.MISSING));
    }

    private static AttemptRecord record(int attempt, String context, String namespace, AttemptResult result) {
        return new AttemptRecord(attempt, null, T.plusSeconds(attempt), context, namespace, "r" + attempt,
                "cm" + attempt, "helm upgrade", 0, 1000, result, null, "logs/" + attempt + ".log", null);
    }

    private static AttemptStatus status(int attempt, JobPhase job) {
        return new AttemptStatus(attempt, "cm" + attempt, T.plusSeconds(attempt), "r" + attempt, "deployed",
                "job" + attempt, job, null, null);
    }
}
