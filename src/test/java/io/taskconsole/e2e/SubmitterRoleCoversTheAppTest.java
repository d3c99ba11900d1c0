package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.ApiCall;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.JobPods;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every API call that submitting, retrying and listing attempts makes (the app's own through
 * fabric8, and helm's) is allowed by the submitter Role of {@code charts/task-console-submitter},
 * so a user bound to that Role can do everything the app offers and the Role grants no more.
 */
class SubmitterRoleCoversTheAppTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final Path CHARTS = Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code")).getParent();

    @TempDir
    Path temp;

    @AfterEach
    void clearFaults() {
        SERVER.clearFaults();
    }

    @Test
    void everyNamespacedCallOfSubmitRetryAndAttemptsIsGrantedByTheRole() throws Exception {
        Path helm = ToolBinaries.helm();
        String namespace = "rbac-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        List<String> target = List.of("-n", namespace, "--kubeconfig", kubeconfig.toString());
        List<String> common = new ArrayList<>(target);
        common.addAll(List.of("--helm", helm.toString(), "--chart", CHARTS.resolve("claude-code").toString(),
                "--timeout", "60s"));

        SERVER.clearRequests();
        assertThat(cli(common, "submit", task.folder().toString())).isZero();
        assertThat(cli(common, "retry", task.folder().toString())).isZero();
        assertThat(cli(target, "attempts", task.folder().toString())).isZero();
        new ConnectionCheck(KubeConnector.fromSystem()).check(new KubeTarget(kubeconfig, null, namespace));
        List<ApiCall> made = new ArrayList<>(SERVER.requests());

        // Following: attempt 2 failed (its pod, log and status written as the controllers would; those
        // calls are the test's own and not counted), so 'logs' reads the log, then watches the Job, its
        // pods and the Events to tell why.
        String job = "auth-service-task-1001-run-2";
        JobPods kube = new JobPods(SERVER, namespace);
        kube.startPod(job, job + "-rbac1");
        SERVER.podLogs().append(namespace, job + "-rbac1", "agent", "cannot push");
        kube.podStatus(job + "-rbac1", "Failed", List.of(), List.of(JobPods.terminated("agent", "Error", 1, null)));
        kube.jobStatus(job, new JobStatusBuilder().withFailed(1).withConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").build()).build());
        SERVER.clearRequests();
        assertThat(cli(target, "logs", task.folder().toString(), "--attempt", "2")).isEqualTo(1);
        assertThat(cli(target, "logs", task.folder().toString(), "--attempt", "1")).isZero();
        made.addAll(SERVER.requests());

        List<ApiCall> calls = made.stream()
                .filter(ApiCall::isResourceCall)
                .filter(c -> namespace.equals(c.namespace()))
                // Reading the namespace object itself is cluster-scoped and optional (next test).
                .filter(c -> !"namespaces".equals(c.resource()))
                .toList();

        List<Rule> rules = rules(helm, namespace, "Role");
        assertThat(calls).as("the flows made namespaced calls").hasSizeGreaterThan(5);
        assertThat(calls).allSatisfy(call ->
                assertThat(rules.stream().anyMatch(r -> r.allows(call)))
                        .as("the Role allows %s", call).isTrue());
        assertThat(calls.stream().map(ApiCall::rbacResource).distinct())
                .as("the calls reach every kind of object the Role is there for")
                .contains("configmaps", "persistentvolumeclaims", "jobs", "secrets", "pods", "pods/log", "events");
        assertThat(calls).as("the preflight reads the API key Secret, by name")
                .anyMatch(c -> c.verb().equals("get") && "anthropic-api-key".equals(c.name()));
    }

    /**
     * The preflight's cluster-scoped reads (the namespace, the storage class) are what the optional
     * ClusterRole grants ({@code preflightClusterReads}), and it grants nothing the preflight does not read.
     */
    @Test
    void thePreflightsClusterScopedReadsAreExactlyWhatTheClusterRoleGrants() throws Exception {
        Path helm = ToolBinaries.helm();
        String namespace = "rbac-cl-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));

        SERVER.clearRequests();
        assertThat(cli(List.of("-n", namespace, "--kubeconfig", kubeconfig.toString(), "--helm", helm.toString(),
                "--chart", CHARTS.resolve("claude-code").toString(), "--timeout", "60s"), "submit", task.folder().toString())).isZero();
        List<ApiCall> clusterCalls = SERVER.requests().stream()
                .filter(ApiCall::isResourceCall)
                .filter(c -> c.namespace() == null || c.resource().equals("namespaces"))
                .filter(c -> c.resource().equals("namespaces") || c.resource().equals("storageclasses"))
                .toList();

        List<Rule> rules = rules(helm, namespace, "ClusterRole");
        assertThat(clusterCalls).as("the preflight read the namespace and the storage class").hasSizeGreaterThanOrEqualTo(2);
        assertThat(clusterCalls).allSatisfy(call -> assertThat(rules.stream().anyMatch(r -> r.allows(call)))
                .as("the ClusterRole allows %s", call).isTrue());
        assertThat(rules).allSatisfy(rule -> assertThat(clusterCalls.stream().anyMatch(rule::allows))
                .as("the preflight uses %s", rule).isTrue());
    }

    @Test
    void theConnectionCheckStillWorksWhereTheUserMayNotReadNamespaces() {
        String namespace = "rbac-ns-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        SERVER.failWhen(FaultRule.forbid("get", "namespaces"));

        ConnectionCheck.Result result = new ConnectionCheck(KubeConnector.fromSystem())
                .check(new KubeTarget(kubeconfig, null, namespace));

        assertThat(result.context()).isEqualTo("test-context");
        assertThat(result.serverVersion()).isNotBlank();
    }

    /** An RBAC rule; empty {@code names}: any object. */
    private record Rule(Set<String> groups, Set<String> resources, Set<String> verbs, Set<String> names) {
        boolean allows(ApiCall call) {
            return groups.contains(call.apiGroup()) && resources.contains(call.rbacResource()) && verbs.contains(call.verb())
                    && (names.isEmpty() || names.contains(call.name()));
        }
    }

    /** The rules of the submitter chart's {@code kind} (Role or ClusterRole), with the preflight's cluster reads on. */
    private List<Rule> rules(Path helm, String namespace, String kind) {
        ToolResult rendered = ToolRun.of(helm, "template", "submitter", CHARTS.resolve("task-console-submitter").toString(),
                "--namespace", namespace, "--set", "preflightClusterReads=true").timeout(Duration.ofSeconds(60)).run();
        assertThat(rendered.succeeded()).as(rendered.toString()).isTrue();
        List<Rule> rules = new ArrayList<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (JsonNode doc : yaml.readValues(yaml.createParser(rendered.output()), JsonNode.class).readAll()) {
            if (doc != null && kind.equals(doc.path("kind").asString())) {
                for (JsonNode rule : doc.path("rules")) {
                    rules.add(new Rule(strings(rule.path("apiGroups")), strings(rule.path("resources")),
                            strings(rule.path("verbs")), strings(rule.path("resourceNames"))));
                }
            }
        }
        assertThat(rules).as("the submitter chart renders a %s", kind).isNotEmpty();
        return rules;
    }

    private static Set<String> strings(JsonNode array) {
        return Set.copyOf(StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList());
    }

    private static int cli(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        StringWriter sink = new StringWriter();
        return TaskConsoleCli.run(new PrintWriter(sink), new PrintWriter(sink), all.toArray(String[]::new));
    }
}
