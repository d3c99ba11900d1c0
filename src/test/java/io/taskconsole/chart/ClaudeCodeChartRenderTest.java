package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.ValuesFile;
import io.taskconsole.task.Repository;
import io.taskconsole.task.SecretRef;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskSettings;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What {@code helm template} of the agent chart produces for the values the app and users pass. */
class ClaudeCodeChartRenderTest {

    @TempDir
    Path temp;

    private ChartFixture chart;
    private final AttemptValues attempt = AttemptValues.of("auth-service", 1001, 2).following(1, "Login rate limit");

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    @Test
    void rendersOneJobAndItsServiceAccountAndNothingElse() {
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values()));

        assertThat(docs).extracting(d -> d.path("kind").asString()).containsExactlyInAnyOrder("Job", "ServiceAccount");
        assertThat(Manifests.ofKind(docs, "PersistentVolumeClaim")).as("the app owns the PVC").isEmpty();
        assertThat(Manifests.ofKind(docs, "ConfigMap")).as("the app owns the attempt's ConfigMap").isEmpty();
    }

    @Test
    void namesTheJobAfterTheReleaseAndLabelsItAsTheAppExpects() {
        JsonNode job = job(chart.render(attempt.release(), List.of(attempt.values())));

        assertThat(job.at("/metadata/name").asString()).isEqualTo("auth-service-task-1001-run-2");
        assertThat(job.at("/metadata/namespace").asString()).isEqualTo("orchestrator");
        Map<String, String> expected = Map.of(
                ResourceNames.LABEL_APP, "claude-code",
                "app.kubernetes.io/instance", "auth-service-task-1001-run-2",
                ResourceNames.LABEL_PART_OF, "task-console",
                ResourceNames.LABEL_MANAGED_BY, "Helm",
                ResourceNames.LABEL_TASK_ID, "1001",
                ResourceNames.LABEL_SERVICE, "auth-service",
                ResourceNames.LABEL_ATTEMPT, "2");
        for (String labels : List.of("/metadata/labels", "/spec/template/metadata/labels")) {
            JsonNode node = job.at(labels);
            expected.forEach((key, value) -> {
                assertThat(node.path(key).isString()).as("%s %s is a string", labels, key).isTrue();
                assertThat(node.path(key).asString()).as("%s %s", labels, key).isEqualTo(value);
            });
        }
        assertThat(job.at("/metadata/annotations/taskconsole.io~1title").asString()).isEqualTo("Login rate limit");
        assertThat(job.at("/metadata/annotations/taskconsole.io~1previous-attempt").asString()).isEqualTo("1");
    }

    @Test
    void takesJobLimitsFromValues() {
        JsonNode spec = job(chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("job", Map.of("backoffLimit", 2, "activeDeadlineSeconds", 600, "ttlSecondsAfterFinished", 60)))))
                .path("spec");

        assertThat(spec.path("backoffLimit").asInt()).isEqualTo(2);
        assertThat(spec.path("activeDeadlineSeconds").asInt()).isEqualTo(600);
        assertThat(spec.path("ttlSecondsAfterFinished").asInt()).isEqualTo(60);
        assertThat(spec.at("/template/spec/restartPolicy").asString()).isEqualTo("Never");
    }

    @Test
    void initContainerRunsTheChartsScriptWithTheAttemptsConfigMapAndTheServicesClaim() throws Exception {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values())));
        JsonNode init = single(pod.path("initContainers"));

        assertThat(init.path("name").asString()).isEqualTo("prepare-workspace");
        assertThat(init.path("image").asString()).isEqualTo("busybox:1.37.0");
        List<String> command = strings(init.path("command"));
        assertThat(command).hasSize(4);
        assertThat(command.subList(0, 2)).containsExactly("sh", "-c");
        assertThat(command.get(2)).as("the very same script the tests run")
                .isEqualTo(Files.readString(ChartFixture.initScript()));
        assertThat(env(init)).containsEntry("TMPDIR", "/tmp").containsEntry("TASK_ID", "1001").containsEntry("SERVICE_NAME", "auth-service")
                .containsEntry("ATTEMPT", "2").containsEntry("CONFIG_DIR", "/config").containsEntry("WORKSPACE_DIR", "/workspace");
        assertThat(mount(init, "task-files").path("mountPath").asString()).isEqualTo("/config");
        assertThat(mount(init, "task-files").path("readOnly").asBoolean()).isTrue();
        assertThat(mount(init, "workspace").path("mountPath").asString()).isEqualTo("/workspace");
        assertThat(mount(init, "tmp").path("mountPath").asString()).isEqualTo("/tmp");

        assertThat(volume(pod, "task-files").at("/configMap/name").asString()).isEqualTo("auth-service-task-1001-run-2-files");
        assertThat(volume(pod, "workspace").at("/persistentVolumeClaim/claimName").asString()).isEqualTo("auth-service-workspace");
    }

    @Test
    void agentRunsClaudeInTheServiceFolderWithTheTaskEnvAndTheKeyFromASecret() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values())));
        JsonNode agent = single(pod.path("containers"));

        assertThat(agent.path("workingDir").asString()).isEqualTo("/workspace/auth-service");
        assertThat(strings(agent.path("command"))).containsExactly("claude");
        assertThat(strings(agent.path("args"))).containsSubsequence("-p", "Read .task/1001/run-2/prompt.md and follow it.")
                .contains("--output-format", "stream-json", "--verbose");
        assertThat(env(agent)).containsEntry("TASK_ID", "1001").containsEntry("SERVICE_NAME", "auth-service")
                .containsEntry("ATTEMPT", "2").containsEntry("TASK_DIR", "/workspace/auth-service/.task/1001/run-2")
                .containsEntry("PREVIOUS_ATTEMPT", "1").containsEntry("HOME", "/home/agent");
        JsonNode key = envVar(agent, "ANTHROPIC_API_KEY");
        assertThat(key.has("value")).as("the key is never a value").isFalse();
        assertThat(key.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("anthropic-api-key");
        assertThat(key.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("api-key");
        assertThat(mount(agent, "workspace").path("mountPath").asString()).isEqualTo("/workspace");
        assertThat(mount(agent, "tmp").path("mountPath").asString()).isEqualTo("/tmp");
        assertThat(mount(agent, "home").path("mountPath").asString()).isEqualTo("/home/agent");
        assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
        assertThat(volume(pod, "home").has("emptyDir")).isTrue();
    }

    @Test
    void locksDownThePodAndBothContainers() {
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values()));
        JsonNode pod = podSpec(docs);

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/fsGroup").asInt()).isEqualTo(1000);
        assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        for (JsonNode container : List.of(single(pod.path("initContainers")), single(pod.path("containers")))) {
            JsonNode security = container.path("securityContext");
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(strings(security.at("/capabilities/drop"))).containsExactly("ALL");
            assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
        }
        JsonNode account = Manifests.single(docs, "ServiceAccount");
        assertThat(account.at("/metadata/name").asString()).isEqualTo(pod.path("serviceAccountName").asString())
                .isEqualTo(attempt.release());
        assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void veryLongServiceNameAndTaskIdStillGiveValidNamesAndLabels() {
        String service = "a".repeat(30) + "-" + "b".repeat(32);
        AttemptValues longOne = AttemptValues.of(service, 9_007_199_254_740_991L, 12);
        List<JsonNode> docs = chart.render(longOne.release(), List.of(longOne.values()));
        JsonNode job = job(docs);

        String jobName = job.at("/metadata/name").asString();
        assertThat(longOne.release()).hasSizeLessThanOrEqualTo(ResourceNames.RELEASE_NAME_LIMIT);
        assertThat(jobName).isEqualTo(longOne.release()).hasSizeLessThanOrEqualTo(ResourceNames.JOB_NAME_LIMIT)
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").endsWith("-run-12");
        assertThat(job.at("/metadata/labels/taskconsole.io~1task-id").asString()).isEqualTo("9007199254740991");
        assertThat(job.at("/metadata/labels/taskconsole.io~1service").asString()).isEqualTo(service);
        JsonNode pod = job.at("/spec/template/spec");
        assertThat(volume(pod, "task-files").at("/configMap/name").asString()).isEqualTo(longOne.names().configMapName());
        assertThat(volume(pod, "workspace").at("/persistentVolumeClaim/claimName").asString()).isEqualTo(service + "-workspace");
        assertThat(env(single(pod.path("containers")))).containsEntry("TASK_DIR",
                "/workspace/" + service + "/.task/9007199254740991/run-12");
    }

    @Test
    void pinsTheJobToTheNodesOfItsWorkspaceWhenNodesAreGiven() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("nodeAffinity", Map.of("nodes", List.of("node-a"))))));

        JsonNode term = pod.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0");
        assertThat(term.path("key").asString()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.path("operator").asString()).isEqualTo("In");
        assertThat(strings(term.path("values"))).containsExactly("node-a");
    }

    @Test
    void preferredAffinityIsAWeightedPreference() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("nodeAffinity", Map.of("mode", "preferred", "key", "topology.kubernetes.io/zone", "nodes", List.of("z1"))))));

        JsonNode preferred = pod.at("/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/0");
        assertThat(preferred.path("weight").asInt()).isEqualTo(100);
        assertThat(preferred.at("/preference/matchExpressions/0/key").asString()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(pod.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution").isMissingNode()).isTrue();
    }

    @Test
    void affinityOffRendersNoNodeAffinityButKeepsSelectorsAndTolerations() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values(), Map.of(
                "nodeAffinity", Map.of("mode", "none", "nodes", List.of("node-a")),
                "nodeSelector", Map.of("disk", "ssd"),
                "tolerations", List.of(Map.of("key", "agents", "operator", "Exists", "effect", "NoSchedule")),
                "imagePullSecrets", List.of(Map.of("name", "registry"))))));

        assertThat(pod.has("affinity")).isFalse();
        assertThat(pod.at("/nodeSelector/disk").asString()).isEqualTo("ssd");
        assertThat(pod.at("/tolerations/0/key").asString()).isEqualTo("agents");
        assertThat(pod.at("/imagePullSecrets/0/name").asString()).isEqualTo("registry");
    }

    @Test
    void existingServiceAccountIsUsedAndNoneIsCreated() {
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("serviceAccount", Map.of("create", false, "name", "agents"))));

        assertThat(Manifests.ofKind(docs, "ServiceAccount")).isEmpty();
        assertThat(podSpec(docs).path("serviceAccountName").asString()).isEqualTo("agents");
    }

    @Test
    void customImagesCommandClaimAndSecretComeFromAUsersValuesFile() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values(), Map.of(
                "agent", Map.of(
                        "image", Map.of("repository", "registry.example.com/agents/claude", "tag", "1.2.3", "pullPolicy", "Always"),
                        "command", List.of("/bin/run-agent"),
                        "args", List.of("--task", "{{ .Values.task.id }}"),
                        "apiKeySecret", Map.of("name", "team-anthropic", "key", "token"),
                        "resources", Map.of("limits", Map.of("memory", "8Gi"))),
                "initContainer", Map.of("image", Map.of("repository", "mirror.example.com/busybox", "tag", "1.36.1")),
                "workspace", Map.of("claimName", "shared-workspace")))));
        JsonNode agent = single(pod.path("containers"));

        assertThat(agent.path("image").asString()).isEqualTo("registry.example.com/agents/claude:1.2.3");
        assertThat(agent.path("imagePullPolicy").asString()).isEqualTo("Always");
        assertThat(strings(agent.path("command"))).containsExactly("/bin/run-agent");
        assertThat(strings(agent.path("args"))).containsExactly("--task", "1001");
        assertThat(agent.at("/resources/limits/memory").asString()).isEqualTo("8Gi");
        assertThat(envVar(agent, "ANTHROPIC_API_KEY").at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("team-anthropic");
        assertThat(single(pod.path("initContainers")).path("image").asString()).isEqualTo("mirror.example.com/busybox:1.36.1");
        assertThat(volume(pod, "workspace").at("/persistentVolumeClaim/claimName").asString()).isEqualTo("shared-workspace");
    }

    @Test
    void rendersTheValuesFileTheAppWrites() throws Exception {
        for (String title : List.of("Login rate limit: 5/min # \"quoted\"\nsecond line", "1001", "yes", "")) {
            TaskInfo info = new TaskInfo(new TaskId(1001), new ServiceName("auth-service"), title, null, null);
            Path values = temp.resolve("app-values.yaml");
            ValuesFile.write(values, info, attempt.names(), 1);

            Helm.Result result = chart.helm().run("template", attempt.release(), ChartFixture.chartDir().toString(),
                    "--namespace", ChartFixture.NAMESPACE, "--values", values.toString());

            assertThat(result.exitCode()).as("title %s: %s", title, result).isZero();
            JsonNode job = job(Manifests.parse(result.stdout()));
            assertThat(job.at("/metadata/name").asString()).isEqualTo("auth-service-task-1001-run-2");
            assertThat(job.at("/metadata/annotations/taskconsole.io~1title").asString("")).isEqualTo(title);
            assertThat(volume(job.at("/spec/template/spec"), "workspace").at("/persistentVolumeClaim/claimName").asString())
                    .isEqualTo("auth-service-workspace");
        }
    }

    @Test
    void noSecretValueAppearsInTheOutput() {
        Helm.Result result = chart.template(attempt.release(), List.of(attempt.values()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Manifests.ofKind(Manifests.parse(result.stdout()), "Secret")).isEmpty();
        assertThat(result.stdout()).doesNotContain("sk-ant-").contains("secretKeyRef");
        assertThat(result.stdout().lines().filter(line -> line.contains("ANTHROPIC_API_KEY")).count()).isEqualTo(1);
    }

    @Test
    void notesSayHowToFollowTheAttempt() {
        String notes = chart.renderNotes(attempt.release(), attempt.values());

        assertThat(notes)
                .contains("kubectl -n orchestrator logs -f job/auth-service-task-1001-run-2 -c agent")
                .contains("kubectl -n orchestrator logs job/auth-service-task-1001-run-2 -c prepare-workspace")
                .contains("/workspace/auth-service/.task/1001/run-2/");
    }

    @Test
    void aRepositoryInTaskYamlAddsFetchSourceBeforePrepareWorkspaceAndTellsTheAgentWhereItsCodeIs() throws Exception {
        TaskSettings settings = new TaskSettings(
                new Repository("https://github.com/acme/auth-service.git", "develop", "services/auth", "auth-git"),
                "acceptEdits", 3600, Map.of("LOG_LEVEL", "debug"), Map.of("DB_PASSWORD", new SecretRef("auth-db", "password")));

        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.with(settings).values())));

        JsonNode init = pod.path("initContainers");
        assertThat(init.size()).isEqualTo(2);
        JsonNode fetch = init.get(0);
        assertThat(fetch.path("name").asString()).isEqualTo("fetch-source");
        assertThat(init.get(1).path("name").asString()).isEqualTo("prepare-workspace");
        assertThat(fetch.path("image").asString()).isEqualTo("alpine/git:v2.49.1");
        assertThat(strings(fetch.path("command")).get(2)).isEqualTo(Files.readString(ChartFixture.chartDir().resolve("files/fetch-source.sh")));
        assertThat(env(fetch)).containsEntry("REPO_URL", "https://github.com/acme/auth-service.git")
                .containsEntry("BASE_BRANCH", "develop").containsEntry("FETCH_DEPTH", "1").containsEntry("CONTINUE_FROM", "base")
                .containsEntry("PREVIOUS_ATTEMPT", "1").containsEntry("GIT_CREDENTIALS_DIR", "/git-credentials");
        assertThat(mount(fetch, "git-credentials").path("readOnly").asBoolean()).isTrue();
        assertThat(volume(pod, "git-credentials").at("/secret/secretName").asString()).isEqualTo("auth-git");
        assertThat(volume(pod, "git-credentials").at("/secret/defaultMode").asInt()).isEqualTo(256);

        JsonNode agent = single(pod.path("containers"));
        assertThat(agent.path("volumeMounts").toString()).as("credentials only in fetch-source").doesNotContain("git-credentials");
        assertThat(init.get(1).path("volumeMounts").toString()).doesNotContain("git-credentials");
        assertThat(agent.path("workingDir").asString()).isEqualTo("/workspace/auth-service/src/services/auth");
        assertThat(env(agent)).containsEntry("SOURCE_DIR", "/workspace/auth-service/src").containsEntry("BASE_BRANCH", "develop")
                .containsEntry("WORK_BRANCH", "task-1001/run-2").containsEntry("LOG_LEVEL", "debug").doesNotContainKey("GIT_TOKEN");
        assertThat(envVar(agent, "DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("auth-db");
        assertThat(envVar(agent, "DB_PASSWORD").at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("password");
        assertThat(strings(agent.path("args"))).contains("Read /workspace/auth-service/.task/1001/run-2/prompt.md and follow it.",
                "--add-dir", "/workspace/auth-service", "acceptEdits");
        assertThat(env(init.get(1))).containsEntry("SOURCE_DIR", "/workspace/auth-service/src")
                .containsEntry("WORK_BRANCH", "task-1001/run-2");
        assertThat(job(chart.render(attempt.release(), List.of(attempt.with(settings).values())))
                .at("/spec/activeDeadlineSeconds").asInt()).isEqualTo(3600);
        assertThat(env(fetch).toString() + env(agent)).doesNotContain("token");
    }

    @Test
    void withoutARepositoryThereIsNoFetchSourceAndTheAgentStartsInTheServiceFolder() {
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.values())));

        assertThat(single(pod.path("initContainers")).path("name").asString()).isEqualTo("prepare-workspace");
        JsonNode agent = single(pod.path("containers"));
        assertThat(agent.path("workingDir").asString()).isEqualTo("/workspace/auth-service");
        assertThat(env(agent)).doesNotContainKeys("SOURCE_DIR", "WORK_BRANCH");
        assertThat(pod.path("volumes").toString()).doesNotContain("git-credentials");
    }

    @Test
    void pushFromAgentGivesTheAgentTheTokenByReferenceAndContinueFromPreviousReachesTheScript() {
        TaskSettings settings = new TaskSettings(new Repository("https://github.com/acme/auth-service.git", null, null, "auth-git"),
                null, null, Map.of(), Map.of());
        JsonNode pod = podSpec(chart.render(attempt.release(), List.of(attempt.with(settings).values(),
                Map.of("git", Map.of("pushFromAgent", true, "continueFrom", "previous", "fetchDepth", 0)))));

        JsonNode agent = single(pod.path("containers"));
        assertThat(envVar(agent, "GIT_TOKEN").at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("auth-git");
        assertThat(envVar(agent, "GIT_TOKEN").at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("token");
        JsonNode fetch = pod.path("initContainers").get(0);
        assertThat(env(fetch)).containsEntry("CONTINUE_FROM", "previous").containsEntry("FETCH_DEPTH", "0");
    }

    private static JsonNode job(List<JsonNode> docs) {
        return Manifests.single(docs, "Job");
    }

    private static JsonNode podSpec(List<JsonNode> docs) {
        return job(docs).at("/spec/template/spec");
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.size()).as("one container in %s", array).isEqualTo(1);
        return array.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        container.path("env").forEach(e -> {
            if (e.has("value")) {
                values.put(e.path("name").asString(), e.path("value").asString());
            }
        });
        return values;
    }

    private static JsonNode envVar(JsonNode container, String name) {
        return named(container.path("env"), name);
    }

    private static JsonNode mount(JsonNode container, String name) {
        return named(container.path("volumeMounts"), name);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        return named(pod.path("volumes"), name);
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asString())) {
                return item;
            }
        }
        throw new AssertionError("no entry named " + name + " in " + array);
    }
}
