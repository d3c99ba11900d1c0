package io.taskconsole.ui.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.ui.RealCoreModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Attempts pane with the real core against the test API server: reading an attempt's
 * ConfigMap fails, the pane says why and how to fix it, and Refresh shows the files once the API
 * server answers again.
 */
class AttemptFilesRetryTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    Path temp;

    @AfterEach
    void clearFaults() {
        SERVER.clearFaults();
    }

    @Test
    void refreshShowsTheFilesOnceTheApiServerAnswersAgain() {
        RealCoreModels models = RealCoreModels.onTestApiServer(temp, SERVER, "files");
        String namespace = models.namespace();
        ResourceNames names = new ResourceNames(models.task.info().service(), models.task.info().id(), 1);
        SERVER.client().resource(AttemptConfigMaps.build(names, namespace,
                Map.of("prompt.md", "# Prompt of attempt 1\n".getBytes(StandardCharsets.UTF_8)))).create();
        AttemptsViewModel attempts = new AttemptsViewModel(models.core.submit(), models.executor, models.editor,
                models.cluster, models.submit);
        attempts.refresh(true);
        assertThat(attempts.attempts()).as(attempts.statusProperty().get()).hasSize(1);
        SERVER.failWhen(FaultRule.forbid("get", "configmaps").named(names.configMapName()).inNamespace(namespace)
                .answering(500, "etcdserver: request timed out"));

        attempts.selectedProperty().set(attempts.attempts().get(0));

        String reason = attempts.filesStatusProperty().get();
        assertThat(reason).startsWith("Files unavailable: ").contains(names.configMapName()).endsWith(" Refresh tries again.")
                .doesNotContain("\n");
        assertThat(attempts.filesProperty().get()).isEmpty();

        attempts.refresh(true);
        assertThat(attempts.filesStatusProperty().get()).as("still failing").isEqualTo(reason);

        SERVER.clearFaults();
        attempts.refresh(true);

        assertThat(attempts.filesProperty().get()).containsEntry("prompt.md", "# Prompt of attempt 1\n");
        assertThat(attempts.filesStatusProperty().get()).isEmpty();
    }
}
