package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmFailureTest {

    private static final HelmCommand UPGRADE = HelmCommand.upgradeInstall(new HelmBinary(Path.of("helm"), "v3"),
            "rel", "chart", List.of(), null, "ns", Path.of("v.yaml"), List.of(), Duration.ofSeconds(300), true);

    private static HelmResult failed(int exit, String... stderr) {
        return new HelmResult(exit, Duration.ofSeconds(3), false, false, List.of(stderr));
    }

    @Test
    void prefersHelmsErrorLineOverWarningsAfterIt() {
        TaskConsoleException e = HelmFailure.exception(UPGRADE, failed(1,
                "WARNING: Kubernetes configuration file is group-readable",
                "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress",
                "some trailing debug line"));

        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo(
                "helm upgrade failed (exit 1): Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress");
        assertThat(e.fix()).contains("helm history");
    }

    @Test
    void withoutAnErrorLineTheLastNonBlankLineIsUsed() {
        TaskConsoleException e = HelmFailure.exception(UPGRADE, failed(2, "something odd", "   "));

        assertThat(e.getMessage()).isEqualTo("helm upgrade failed (exit 2): something odd");
        assertThat(e.fix()).isEqualTo("Check the helm output in the log for details.");
    }

    @Test
    void silentFailureStillSaysWhatFailed() {
        assertThat(HelmFailure.exception(UPGRADE, failed(1)).getMessage()).isEqualTo("helm upgrade failed (exit 1)");
    }

    @Test
    void hintsMatchCommonHelmErrors() {
        assertThat(HelmFailure.hint("Error: UPGRADE FAILED: configmaps is forbidden: User \"pm\" cannot create"))
                .contains("kubectl auth can-i");
        assertThat(HelmFailure.hint("Error: create: failed to create: namespaces \"orchestratr\" not found"))
                .contains("namespace");
        assertThat(HelmFailure.hint("Error: UPGRADE FAILED: context deadline exceeded")).contains("raise the timeout");
    }

    @Test
    void aSuccessIsNoFailure() {
        assertThatThrownBy(() -> HelmFailure.exception(UPGRADE, failed(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
