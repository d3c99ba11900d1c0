package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code values.schema.json} stops helm before it renders anything from bad values, saying which value is wrong. */
class ClaudeCodeChartValuesSchemaTest {

    @TempDir
    Path temp;

    private ChartFixture chart;

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    @Test
    void goodValuesPass() {
        assertThat(rejection(task -> { })).isEmpty();
    }

    @Test
    void missingTaskIdIsRejected() {
        assertThat(rejection(task -> task.remove("id"))).contains("task: id is required");
    }

    @Test
    void taskIdZeroIsRejected() {
        assertThat(rejection(task -> task.put("id", 0))).contains("task.id: Must be greater than or equal to 1");
    }

    @Test
    void taskIdAsTextIsRejected() {
        assertThat(rejection(task -> task.put("id", "1001"))).contains("task.id: Invalid type. Expected: integer, given: string");
    }

    @Test
    void attemptBelowOneIsRejected() {
        assertThat(rejection(task -> task.put("attempt", 0))).contains("task.attempt: Must be greater than or equal to 1");
        assertThat(rejection(task -> task.put("attempt", -3))).contains("task.attempt: Must be greater than or equal to 1");
    }

    @Test
    void missingAttemptIsRejected() {
        assertThat(rejection(task -> task.remove("attempt"))).contains("task: attempt is required");
    }

    @Test
    void serviceThatIsNotADns1123LabelIsRejected() {
        assertThat(rejection(task -> task.put("service", "Auth_Service"))).contains("task.service: Does not match pattern");
        assertThat(rejection(task -> task.put("service", "auth-service-"))).contains("task.service: Does not match pattern");
        assertThat(rejection(task -> task.put("service", "a".repeat(64)))).contains("task.service: String length must be less than or equal to 63");
    }

    @Test
    void emptyConfigMapIsRejected() {
        assertThat(rejection(task -> task.put("configMap", ""))).contains("task.configMap: String length must be greater than or equal to 1");
        assertThat(rejection(task -> task.remove("configMap"))).contains("task.configMap: String length must be greater than or equal to 1");
    }

    @Test
    void misspeltTaskValueIsRejected() {
        assertThat(rejection(task -> task.put("atempt", 3))).contains("task: Additional property atempt is not allowed");
    }

    @Test
    void anApiKeyAsAValueIsRejected() {
        Helm.Result result = chart.template("r", List.of(appValues(task -> { }),
                Map.of("agent", Map.of("apiKey", "not-a-real-key"))));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("agent: Additional property apiKey is not allowed");
        assertThat(result.stdout()).doesNotContain("not-a-real-key");
    }

    @Test
    void existingServiceAccountNeedsAName() {
        Helm.Result result = chart.template("r", List.of(appValues(task -> { }), Map.of("serviceAccount", Map.of("create", false))));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("serviceAccount.name: String length must be greater than or equal to 1");
    }

    @Test
    void unknownAffinityModeIsRejected() {
        Helm.Result result = chart.template("r", List.of(appValues(task -> { }), Map.of("nodeAffinity", Map.of("mode", "always"))));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("nodeAffinity.mode: nodeAffinity.mode must be one of the following: \"required\", \"preferred\", \"none\"");
    }

    @Test
    void reservedAndMalformedEnvNamesAreRejected() {
        for (String name : List.of("ANTHROPIC_API_KEY", "TASK_ID", "WORK_BRANCH", "HOME")) {
            assertThat(extra(Map.of("agent", Map.of("env", Map.of(name, "x"))))).as(name).contains("agent.env");
            assertThat(extra(Map.of("agent", Map.of("secretEnv", Map.of(name, Map.of("secret", "s", "key", "k")))))).as(name)
                    .contains("agent.secretEnv");
        }
        assertThat(extra(Map.of("agent", Map.of("env", Map.of("9LIVES", "x"))))).contains("agent.env");
        assertThat(extra(Map.of("agent", Map.of("env", Map.of("LOG-LEVEL", "x"))))).contains("agent.env");
        assertThat(extra(Map.of("agent", Map.of("env", Map.of("LOG_LEVEL", "debug", "_X1", 3))))).isEmpty();
    }

    @Test
    void theSchemaRefusesExactlyTheEnvNamesTheAppRefuses() throws Exception {
        tools.jackson.databind.JsonNode reserved = new tools.jackson.databind.ObjectMapper()
                .readTree(ChartFixture.chartDir().resolve("values.schema.json").toFile()).at("/definitions/envName/not/enum");
        java.util.Set<String> inSchema = new java.util.TreeSet<>();
        reserved.forEach(n -> inSchema.add(n.asString()));
        assertThat(inSchema).isEqualTo(new java.util.TreeSet<>(io.taskconsole.task.SettingsRules.RESERVED_ENV));
    }

    @Test
    void secretReferencesNeedAKubernetesNameAndAKey() {
        assertThat(extra(Map.of("agent", Map.of("secretEnv", Map.of("DB", Map.of("secret", "Auth_DB", "key", "k"))))))
                .contains("agent.secretEnv.DB.secret");
        assertThat(extra(Map.of("agent", Map.of("secretEnv", Map.of("DB", Map.of("secret", "auth-db")))))).contains("key is required");
        assertThat(extra(Map.of("agent", Map.of("secretEnv", Map.of("DB", Map.of("secret", "auth-db", "key", "k", "value", "pw"))))))
                .contains("Additional property value is not allowed");
    }

    @Test
    void aRepositoryUrlWithCredentialsIsRejected() {
        assertThat(extra(Map.of("repository", Map.of("url", "https://bot:ghp_x@github.com/a/b.git")))).contains("repository.url");
        assertThat(extra(Map.of("repository", Map.of("url", "https://ghp_x@github.com/a/b.git")))).contains("repository.url");
        assertThat(extra(Map.of("repository", Map.of("url", "ssh://git@github.com/a/b.git")))).isEmpty();
        assertThat(extra(Map.of("repository", Map.of("url", "git@github.com:a/b.git", "path", "svc/auth")))).isEmpty();
    }

    @Test
    void gitAndRepositoryValuesAreChecked() {
        assertThat(extra(Map.of("repository", Map.of("url", "git@github.com:a/b.git", "path", "../etc")))).contains("repository.path");
        assertThat(extra(Map.of("repository", Map.of("url", "git@github.com:a/b.git", "path", "/etc")))).contains("repository.path");
        assertThat(extra(Map.of("repository", Map.of("branch", "")))).contains("repository.branch");
        assertThat(extra(Map.of("git", Map.of("continueFrom", "latest")))).contains("git.continueFrom");
        assertThat(extra(Map.of("git", Map.of("fetchDepth", -1)))).contains("git.fetchDepth");
        assertThat(extra(Map.of("git", Map.of("credentialsSecret", "Git_Creds")))).contains("git.credentialsSecret");
        assertThat(extra(Map.of("git", Map.of("token", "ghp_x")))).contains("Additional property token is not allowed");
    }

    /** Helm's stderr for the app's values plus a user's {@code extra} values; empty if helm rendered them. */
    private String extra(Map<String, Object> extra) {
        Helm.Result result = chart.template("r", List.of(appValues(task -> { }), extra));
        return result.ok() ? "" : result.stderr();
    }

    /** Helm's stderr for the app's values changed by {@code change}; empty if helm rendered them. */
    private String rejection(Consumer<Map<String, Object>> change) {
        Helm.Result result = chart.template("auth-service-task-1001-run-2", List.of(appValues(change)));
        if (result.ok()) {
            return "";
        }
        assertThat(result.stderr()).contains("values don't meet the specifications of the schema");
        assertThat(result.stdout()).as("nothing is rendered from bad values").isEmpty();
        return result.stderr();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> appValues(Consumer<Map<String, Object>> change) {
        Map<String, Object> values = AttemptValues.of("auth-service", 1001, 2).values();
        Map<String, Object> task = new LinkedHashMap<>((Map<String, Object>) values.get("task"));
        change.accept(task);
        values.put("task", task);
        return values;
    }
}
