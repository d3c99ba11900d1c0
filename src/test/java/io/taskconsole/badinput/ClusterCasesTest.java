package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.cluster.WorkspaceClaims;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API server answers to each call a submission makes, failed on purpose with the test
 * API server's fault rules: one verb and resource at a time, as RBAC, quotas and overload fail them.
 */
@Timeout(60)
class ClusterCasesTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final ServiceName SERVICE = new ServiceName("auth-service");
    private static final TaskId TASK = new TaskId(1001);

    @TempDir
    Path temp;

    private String namespace;
    private KubeConnector.Connection connection;

    @BeforeEach
    void connect() {
        namespace = "cc-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "lab", namespace);
        connection = connector().connect(new KubeTarget(kubeconfig, null, namespace));
    }

    @AfterEach
    void close() {
        connection.close();
        SERVER.clearFaults();
    }

    private KubeConnector connector() {
        return new KubeConnector(new Kubeconfigs(Map.of(), temp.resolve("home")), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    private String under(FaultRule rule, ThrowingCallable call) {
        try (var fault = SERVER.failWhen(rule.inNamespace(namespace))) {
            return messageOf(call);
        }
    }

    private String nsIn(String text) {
        return text.replace(namespace, "<ns>");
    }

    private ThrowingCallable listAttempts() {
        return () -> new AttemptConfigMaps(connection).list(SERVICE, TASK);
    }

    private ThrowingCallable createAttempt() {
        return () -> new AttemptConfigMaps(connection).createIfAbsent(new ResourceNames(SERVICE, TASK, 1),
                Map.of("task.md", "# T".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @BadInputCase(id = "403-list-configmaps", area = "Cluster", input = "403 on `list configmaps` (finding the next attempt number)",
            shows = "Permission denied: you may not list configmaps in namespace '<ns>' (context 'lab'). Ask a cluster admin to "
                    + "bind the task-console-submitter Role to you in '<ns>' (see docs/helm-deployment-flow.md, RBAC); check "
                    + "with 'kubectl auth can-i list configmaps -n <ns> --context lab'.")
    void forbiddenList() {
        shows(under(FaultRule.forbid("list", "configmaps"), listAttempts()));
    }

    @Test
    @BadInputCase(id = "403-create-configmaps", area = "Cluster", input = "403 on `create configmaps` (the attempt's files)",
            shows = "Permission denied: you may not create configmaps in namespace '<ns>' (context 'lab'). Ask a cluster admin "
                    + "to bind the task-console-submitter Role to you in '<ns>' (see docs/helm-deployment-flow.md, RBAC); check "
                    + "with 'kubectl auth can-i create configmaps -n <ns> --context lab'.")
    void forbiddenCreate() {
        shows(under(FaultRule.forbid("create", "configmaps"), createAttempt()));
    }

    @Test
    @BadInputCase(id = "403-get-configmaps", area = "Cluster", input = "403 on `get configmaps` (a retry reading attempt N's files)",
            shows = "Permission denied: you may not get configmaps in namespace '<ns>' (context 'lab'). <fix>")
    void forbiddenGet() {
        shows(under(FaultRule.forbid("get", "configmaps"),
                () -> new AttemptConfigMaps(connection).readFiles(new ResourceNames(SERVICE, TASK, 1))));
    }

    @Test
    @BadInputCase(id = "403-get-pvc", area = "Cluster", input = "403 on `get persistentvolumeclaims` (the service's workspace)",
            shows = "Permission denied: you may not get persistentvolumeclaims in namespace '<ns>' (context 'lab'). <fix>")
    void forbiddenGetClaim() {
        shows(under(FaultRule.forbid("get", "persistentvolumeclaims"),
                () -> new WorkspaceClaims(connection).ensure(SERVICE, null, null)));
    }

    @Test
    @BadInputCase(id = "403-create-pvc", area = "Cluster", input = "403 on `create persistentvolumeclaims`",
            shows = "Permission denied: you may not create persistentvolumeclaims in namespace '<ns>' (context 'lab'). <fix>")
    void forbiddenCreateClaim() {
        shows(under(FaultRule.forbid("create", "persistentvolumeclaims"),
                () -> new WorkspaceClaims(connection).ensure(SERVICE, null, null)));
    }

    @Test
    @BadInputCase(id = "403-list-secrets", area = "Cluster", input = "403 on `list secrets` (helm's release records, for the attempts view)",
            shows = "Permission denied: you may not list secrets in namespace '<ns>' (context 'lab'). <fix>")
    void forbiddenListSecrets() {
        new AttemptConfigMaps(connection).createIfAbsent(new ResourceNames(SERVICE, TASK, 1), Map.of());
        shows(under(FaultRule.forbid("list", "secrets"), () -> new AttemptLister(connector())
                .list(new TaskInfo(TASK, SERVICE, "t", null, null), connection.target())));
    }

    @Test
    @BadInputCase(id = "403-get-jobs", area = "Cluster", input = "403 on `get jobs` (the attempts view)",
            shows = "Permission denied: you may not get jobs in namespace '<ns>' (context 'lab'). <fix>")
    void forbiddenGetJobs() {
        new AttemptConfigMaps(connection).createIfAbsent(new ResourceNames(SERVICE, TASK, 1), Map.of());
        shows(under(FaultRule.forbid("get", "jobs"), () -> new AttemptLister(connector())
                .list(new TaskInfo(TASK, SERVICE, "t", null, null), connection.target())));
    }

    @Test
    @BadInputCase(id = "quota-exceeded", area = "Cluster", input = "A ResourceQuota on ConfigMaps is used up (403 `exceeded quota`)",
            shows = "Namespace '<ns>' is out of quota: the cluster refused to create configmaps 'auth-service-task-1001-run-1-files' "
                    + "(configmaps \"auth-service-task-1001-run-1-files\" is forbidden: exceeded quota: tasks, requested: "
                    + "count/configmaps=1, used: count/configmaps=50, limited: count/configmaps=50). Delete attempts you no "
                    + "longer need ('kubectl -n <ns> get configmaps,jobs -l app.kubernetes.io/name=task-console'), or ask a "
                    + "cluster admin to raise the ResourceQuota.",
            outcome = "Told apart from an RBAC refusal, which the same 403 would otherwise be taken for.")
    void quotaExceeded() {
        shows(nsIn(under(FaultRule.forbid("create", "configmaps").answering(403,
                "configmaps \"auth-service-task-1001-run-1-files\" is forbidden: exceeded quota: tasks, requested: "
                        + "count/configmaps=1, used: count/configmaps=50, limited: count/configmaps=50"), createAttempt())));
    }

    @Test
    @BadInputCase(id = "429-throttled", area = "Cluster", input = "429 Too Many Requests (API priority and fairness)",
            shows = "The cluster of context 'lab' is too busy and asked us to slow down (429 Too Many Requests) when trying to "
                    + "list configmaps in namespace '<ns>'. Wait a minute and try again; nothing was changed by this request.")
    void throttled() {
        shows(nsIn(under(FaultRule.forbid("list", "configmaps").answering(429, "Too many requests, please try again later."),
                listAttempts())));
    }

    @Test
    @BadInputCase(id = "500-server-error", area = "Cluster", input = "500 Internal Server Error (etcd down)",
            shows = "Could not create configmaps 'auth-service-task-1001-run-1-files' in namespace '<ns>' (HTTP 500): etcdserver: "
                    + "request timed out. Retry; if it persists, check the cluster with 'kubectl --context lab get ns <ns>'.")
    void serverError() {
        shows(nsIn(under(FaultRule.forbid("create", "configmaps").answering(500, "etcdserver: request timed out"),
                createAttempt())));
    }

    @Test
    @BadInputCase(id = "503-unavailable", area = "Cluster", input = "503 Service Unavailable (API server restarting)",
            shows = "Could not list configmaps in namespace '<ns>' (HTTP 503): the server is currently unable to handle the "
                    + "request. Retry; if it persists, check the cluster with 'kubectl --context lab get ns <ns>'.")
    void unavailable() {
        shows(nsIn(under(FaultRule.forbid("list", "configmaps").answering(503, "the server is currently unable to handle the request"),
                listAttempts())));
    }

    @Test
    @BadInputCase(id = "namespace-missing", area = "Cluster", input = "The chosen namespace does not exist",
            shows = "Namespace 'no-such-ns' does not exist in the cluster of context 'lab'. Choose an existing namespace, or ask "
                    + "an admin to run 'kubectl create namespace no-such-ns' and install the submitter RBAC there.")
    void namespaceMissing() {
        Path other = SERVER.writeKubeconfig(temp.resolve("kube2"), "lab", "no-such-ns");
        try (KubeConnector.Connection c = connector().connect(new KubeTarget(other, null, "no-such-ns"))) {
            shows(messageOf(() -> new AttemptConfigMaps(c).createIfAbsent(new ResourceNames(SERVICE, TASK, 1), Map.of())));
        }
    }

    @Test
    @BadInputCase(id = "409-attempt-taken", area = "Cluster", input = "409 Conflict: another submission took the attempt number first",
            shows = "Optional.empty", outcome = "Not an error: the submission takes the next number and logs "
                    + "'Attempt N was just taken by another submission; trying N+1'.")
    void conflict() {
        new AttemptConfigMaps(connection).createIfAbsent(new ResourceNames(SERVICE, TASK, 1), Map.of());
        shows(String.valueOf(new AttemptConfigMaps(connection).createIfAbsent(new ResourceNames(SERVICE, TASK, 1), Map.of())));
    }

    @Test
    @BadInputCase(id = "connection-dropped", area = "Cluster", input = "The connection drops mid-request (the server closes it after reading the request)",
            shows = "Cannot reach the cluster of context 'lab' at https://127.0.0.1:<port>/: the connection was refused or failed (<reason>). "
                    + "Check your network or VPN and that the cluster is running: 'kubectl --context lab cluster-info'.")
    void droppedMidRequest() throws Exception {
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket s = dropping.accept(); InputStream in = s.getInputStream()) {
                            in.read(new byte[512]);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "dropping-api-server");
            server.setDaemon(true);
            server.start();
            Path config = io.taskconsole.testkube.UnreachableCluster.kubeconfig(temp.resolve("drop"), "lab");
            java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                    .replace(io.taskconsole.testkube.UnreachableCluster.SERVER, "https://127.0.0.1:" + dropping.getLocalPort()));
            try (KubeConnector.Connection c = connector().connect(new KubeTarget(config, null, namespace))) {
                shows(messageOf(() -> new AttemptConfigMaps(c).list(SERVICE, TASK)));
            }
        }
    }

    @Test
    @BadInputCase(id = "cluster-unreachable", area = "Cluster", input = "Nothing listens at the cluster's address",
            shows = "Cannot reach the cluster of context 'lab' at https://127.0.0.1:1/: the connection was refused or failed "
                    + "(<reason>). Check your network or VPN and that the cluster is running: 'kubectl --context lab cluster-info'.")
    void unreachable() {
        Path config = io.taskconsole.testkube.UnreachableCluster.kubeconfig(temp.resolve("unreachable"), "lab");
        try (KubeConnector.Connection c = connector().connect(new KubeTarget(config, null, namespace))) {
            shows(messageOf(() -> new AttemptConfigMaps(c).list(SERVICE, TASK)));
        }
    }
}
