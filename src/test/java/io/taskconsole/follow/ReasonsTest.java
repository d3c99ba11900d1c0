package io.taskconsole.follow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    private static final Reasons.Subject AGENT = new Reasons.Subject("agent", "ghcr.io/acme/claude-code:2", 2,
            "Back-off pulling image");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ImagePullBackOff|The image ghcr.io/acme/claude-code:2 could not be pulled|`agent.image` and `imagePullSecrets`",
            "ErrImagePull|The image ghcr.io/acme/claude-code:2 could not be pulled|`agent.image` and `imagePullSecrets`",
            "CrashLoopBackOff|Container agent keeps crashing|its log says why",
            "OOMKilled|Container agent ran out of memory|raise `agent.resources.limits.memory`",
            "DeadlineExceeded|ran longer than `job.activeDeadlineSeconds`|raise it, or split the task",
            "Error|Container agent exited with code 2|task-console logs --container agent",
            "FailedScheduling|No node can run the pod|`agent.resources` requests",
            "FailedMount|A volume could not be mounted|the workspace claim",
            "ProvisioningFailed|The workspace claim could not be provisioned|storage class",
            "BackoffLimitExceeded|The Job gave up after its pod failed|`job.backoffLimit`",
            "CreateContainerConfigError|Container agent could not be configured|`agent.apiKeySecret`",
            "Evicted|The node evicted the pod|memory or disk",
    })
    void eachKnownReasonIsOneSentenceWithItsLikelyFix(String reason, String what, String fix) {
        String sentence = Reasons.explain(reason, AGENT);

        assertThat(sentence).contains(what).contains(fix).endsWith(".").doesNotContain("\n");
        assertThat(Reasons.known(reason)).isTrue();
    }

    @Test
    void anInitContainersImageNamesItsOwnValue() {
        assertThat(Reasons.explain("ErrImagePull", new Reasons.Subject("fetch-source", "alpine/git:9", null, null)))
                .contains("alpine/git:9").contains("`git.image`");
        assertThat(Reasons.explain("OOMKilled", new Reasons.Subject("prepare-workspace", null, 137, null)))
                .contains("`initContainer.resources.limits.memory`");
    }

    @Test
    void anUnknownReasonIsShownAsKubernetesWroteIt() {
        assertThat(Reasons.explain("NetworkNotReady", Reasons.Subject.message("network is not ready: cni not initialized")))
                .isEqualTo("NetworkNotReady: network is not ready: cni not initialized");
        assertThat(Reasons.known("NetworkNotReady")).isFalse();
    }
}
