package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The strict reader really catches what fabric8's lenient model would swallow. */
class StrictKubernetesModelTest {

    private static final String JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: demo
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: agent
                      image: busybox:1.37.0
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 1000
            """;

    private final StrictKubernetesModel model = new StrictKubernetesModel();

    @Test
    void readsAValidJob() {
        Job job = (Job) model.read(Manifests.parse(JOB).get(0));

        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getRunAsUser())
                .isEqualTo(1000L);
        assertThat(job.getAdditionalProperties()).isEmpty();
    }

    @Test
    void rejectsAMisspeltFieldDeepInThePodSpec() {
        JsonNode job = Manifests.parse(JOB.replace("runAsNonRoot", "runAsNonroot")).get(0);

        assertThatThrownBy(() -> model.read(job)).hasMessageContaining("runAsNonroot");
    }

    @Test
    void rejectsAMisspeltTopLevelField() {
        JsonNode job = Manifests.parse(JOB.replace("backoffLimit", "backOffLimit")).get(0);

        assertThatThrownBy(() -> model.read(job)).hasMessageContaining("backOffLimit");
    }

    @Test
    void rejectsAStringWhereTheApiWantsANumber() {
        JsonNode job = Manifests.parse(JOB.replace("runAsUser: 1000", "runAsUser: \"1000\"")).get(0);

        assertThatThrownBy(() -> model.read(job)).hasMessageContaining("runAsUser");
    }

    @Test
    void rejectsAKindItHasNoModelFor() {
        ObjectNode unknown = (ObjectNode) Manifests.parse(JOB).get(0);
        unknown.put("kind", "CronJob");

        assertThatThrownBy(() -> model.read(unknown)).hasMessageContaining("batch/v1 CronJob");
    }
}
