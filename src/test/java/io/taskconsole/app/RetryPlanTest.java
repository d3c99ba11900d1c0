package io.taskconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of where a retry goes, as every face applies it. */
class RetryPlanTest {

    private static final KubeTarget SELECTED = new KubeTarget(null, "staging", "agents");
    private static final List<AttemptRecord> HISTORY = List.of(
            record(1, "prod", "orchestrator", "/home/pm/.kube/prod", 10),
            record(2, "lab", "team-a", null, 20));

    @Test
    void aRetryGoesWhereItsAttemptWentWhenTheUserNamedNoTarget() {
        RetryPlan plan = RetryPlan.of(HISTORY, 1, SELECTED, false);

        assertThat(plan.target()).isEqualTo(new KubeTarget(Path.of("/home/pm/.kube/prod"), "prod", "orchestrator"));
        assertThat(plan.explicit()).isFalse();
        assertThat(plan.targetsDiffer(SELECTED)).isTrue();
        assertThat(plan.describe())
                .isEqualTo("Retry attempt 1 where it went: prod / orchestrator (kubeconfig /home/pm/.kube/prod).");
    }

    @Test
    void theLatestIsTheNewestSubmitted() {
        RetryPlan plan = RetryPlan.of(HISTORY, 0, SELECTED, false);

        assertThat(plan.target()).isEqualTo(new KubeTarget(null, "lab", "team-a"));
        assertThat(plan.describe()).isEqualTo("Retry the latest attempt where it went: lab / team-a.");
    }

    @Test
    void anExplicitTargetWinsAndTheSentenceNamesBoth() {
        RetryPlan plan = RetryPlan.of(HISTORY, 2, SELECTED, true);

        assertThat(plan.target()).isEqualTo(SELECTED);
        assertThat(plan.explicit()).isTrue();
        assertThat(plan.describe()).isEqualTo("Retry attempt 2 (sent to lab / team-a) in staging / agents instead.");
    }

    @Test
    void anAttemptSentFromElsewhereGoesToTheSelectedTarget() {
        RetryPlan plan = RetryPlan.of(HISTORY, 7, SELECTED, false);

        assertThat(plan.target()).isEqualTo(SELECTED);
        assertThat(plan.went()).isEmpty();
        assertThat(plan.describe()).isEqualTo("Retry attempt 7 (no local record of where it went) in staging / agents.");
    }

    private static AttemptRecord record(int attempt, String context, String namespace, String kubeconfig, long second) {
        return new AttemptRecord(attempt, null, Instant.ofEpochSecond(1_800_000_000L + second), context,
                namespace, "r" + attempt, "cm" + attempt, "helm upgrade", 0, 100, AttemptResult.SUCCEEDED, null, null,
                kubeconfig);
    }
}
