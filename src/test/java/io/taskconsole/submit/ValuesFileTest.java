package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ValuesFileTest {

    private static final TaskInfo INFO = new TaskInfo(new TaskId(1001), new ServiceName("auth-service"),
            "Fix: \"quotes\" & {{ braces }}", null, null);

    @Test
    void theValuesNameTheAttemptsConfigMapAndTheServicesClaim() {
        JsonNode values = YAMLMapper.builder().build().readTree(
                ValuesFile.yaml(INFO, new ResourceNames(INFO.service(), INFO.id(), 2), null));

        JsonNode task = values.get("task");
        assertThat(task.get("id").asLong()).isEqualTo(1001);
        assertThat(task.get("service").asString()).isEqualTo("auth-service");
        assertThat(task.get("attempt").asInt()).isEqualTo(2);
        assertThat(task.get("configMap").asString()).isEqualTo("auth-service-task-1001-run-2-files");
        assertThat(task.get("title").asString()).isEqualTo("Fix: \"quotes\" & {{ braces }}");
        assertThat(task.has("previousAttempt")).isFalse();
        assertThat(values.get("workspace").get("claimName").asString()).isEqualTo("auth-service-workspace");
    }

    @Test
    void aRetryNamesTheAttemptItRetries() {
        JsonNode values = YAMLMapper.builder().build().readTree(
                ValuesFile.yaml(INFO, new ResourceNames(INFO.service(), INFO.id(), 3), 1));
        assertThat(values.get("task").get("previousAttempt").asInt()).isEqualTo(1);
    }
}
