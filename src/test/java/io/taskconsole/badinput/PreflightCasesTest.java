package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.Preflight;
import io.taskconsole.submit.Problem;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.task.Repository;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.SecretRef;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import io.taskconsole.testkube.ApiCall;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight against the test API server with the real helm, one missing piece at a time: each
 * is named with the command that fixes it, and a namespace with everything passes.
 */
@Timeout(120)
class PreflightCasesTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String VALUE = "s3cret-value-never-shown";

    @TempDir
    Path temp;

    private String namespace;
    private Path kubeconfig;
    private KubeConnector.Connection connection;
    private HelmBinary helm;

    @BeforeEach
    void connect() {
        namespace = "pf-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "lab", namespace);
        connection = connect(namespace);
        helm = HelmLocator.forSystem().locate(ToolBinaries.helm());
    }

    @AfterEach
    void close() {
        connection.close();
        SERVER.clearFaults();
    }

    private KubeConnector.Connection connect(String ns) {
        return new KubeConnector(new Kubeconfigs(Map.of(), temp.resolve("home")), Duration.ofSeconds(3), Duration.ofSeconds(10))
                .connect(new KubeTarget(kubeconfig, null, ns));
    }

    private List<Problem> check(TaskSettings settings) {
        return check(connection, settings, settings(List.of(), null));
    }

    private List<Problem> check(KubeConnector.Connection on, TaskSettings settings, SubmitSettings submit) {
        return new Preflight(new HelmRunner()).check(on, helm, SampleTask.INFO.withSettings(settings), submit, new Cancellation());
    }

    private SubmitSettings settings(List<Path> extraValues, String storageClass) {
        return new SubmitSettings(new KubeTarget(kubeconfig, null, namespace), null, null, null, false, extraValues,
                storageClass, null);
    }

    private String only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0).oneLine().replace(namespace, "<ns>");
    }

    private static TaskSettings secrets(Map<String, SecretRef> refs) {
        return new TaskSettings(null, null, null, Map.of(), refs);
    }

    private static TaskSettings repository(String url, String credentials) {
        return new TaskSettings(new Repository(url, "main", "", credentials), null, null, Map.of(), Map.of());
    }

    @Test
    void aNamespaceSetUpAsTheDocsSayPassesWithEverySecretAndReadsNoValueIntoAMessage() {
        SERVER.createSecret(namespace, "db", Map.of("password", VALUE));
        SERVER.createSecret(namespace, "git-creds", Map.of("token", VALUE));
        TaskSettings all = new TaskSettings(new Repository("https://git.example.com/acme/auth.git", "main", "", "git-creds"),
                null, null, Map.of(), Map.of("DB_PASSWORD", new SecretRef("db", "password")));
        SERVER.clearRequests();

        assertThat(check(all)).isEmpty();
        assertThat(SERVER.requests()).filteredOn(c -> "secrets".equals(c.resource()) && namespace.equals(c.namespace())
                        && !"list".equals(c.verb()) /* helm's release records */)
                .as("Secrets are read one by one, by name, never listed")
                .extracting(ApiCall::verb).containsOnly("get");
    }

    @Test
    @BadInputCase(id = "preflight-namespace", area = "Cluster", input = "Submitting to a namespace that does not exist",
            shows = "namespace: Namespace 'no-such-ns' does not exist in the cluster of context 'lab'. Choose an existing "
                    + "namespace, or create it: kubectl create namespace no-such-ns",
            outcome = "Before anything is created; the other checks, which would only repeat it, are not listed.")
    void missingNamespace() {
        try (KubeConnector.Connection elsewhere = connect("no-such-ns")) {
            shows(only(check(elsewhere, TaskSettings.NONE, settings(List.of(), null))));
        }
    }

    @Test
    @BadInputCase(id = "preflight-api-key-secret", area = "Cluster", input = "The API key Secret is not in the namespace",
            shows = "API key: Secret 'anthropic-api-key' (for the Anthropic API key) does not exist in namespace '<ns>'. "
                    + "Create it: kubectl create secret generic anthropic-api-key --namespace <ns> "
                    + "--from-file=api-key=<file holding the API key>, or name another Secret in agent.apiKeySecret of a values file",
            outcome = "Listed with every other preflight problem before anything is created.")
    void missingApiKeySecret() {
        SERVER.client().secrets().inNamespace(namespace).withName(TestKubeApiServer.API_KEY_SECRET).delete();
        shows(only(check(TaskSettings.NONE)));
    }

    @Test
    @BadInputCase(id = "preflight-api-key-key", area = "Cluster", input = "The API key Secret lacks the key the chart reads",
            shows = "API key: Secret 'anthropic-api-key' in namespace '<ns>' has no key 'api-key' (for the Anthropic API key); "
                    + "its keys are ANTHROPIC_API_KEY. Add the key (kubectl delete secret anthropic-api-key --namespace <ns>, then "
                    + "kubectl create secret generic anthropic-api-key --namespace <ns> --from-file=api-key=<file holding the API key>), "
                    + "or name another Secret in agent.apiKeySecret of a values file",
            outcome = "Key names are shown, values never.")
    void apiKeySecretWithoutTheKey() {
        SERVER.createSecret(namespace, TestKubeApiServer.API_KEY_SECRET, Map.of("ANTHROPIC_API_KEY", VALUE));
        String message = only(check(TaskSettings.NONE));
        assertThat(message).doesNotContain(VALUE);
        shows(message);
    }

    @Test
    void aValuesFileNamingAnotherApiKeySecretIsWhatIsChecked() throws Exception {
        Path values = Files.writeString(temp.resolve("values.yaml"), "agent:\n  apiKeySecret:\n    name: team-key\n    key: k\n");
        SERVER.createSecret(namespace, "team-key", Map.of("k", VALUE));
        SERVER.client().secrets().inNamespace(namespace).withName(TestKubeApiServer.API_KEY_SECRET).delete();

        assertThat(check(connection, TaskSettings.NONE, settings(List.of(values), null))).isEmpty();
    }

    @Test
    @BadInputCase(id = "preflight-task-secret", area = "Cluster", input = "task.yaml references a Secret that does not exist",
            shows = "secrets.DB_PASSWORD: Secret 'db' (for env DB_PASSWORD) does not exist in namespace '<ns>'. Create it: "
                    + "kubectl create secret generic db --namespace <ns> --from-file=password=<file holding the value>, "
                    + "or change the reference in task.yaml")
    void missingReferencedSecret() {
        shows(only(check(secrets(Map.of("DB_PASSWORD", new SecretRef("db", "password"))))));
    }

    @Test
    @BadInputCase(id = "preflight-task-secret-key", area = "Cluster", input = "task.yaml references a key its Secret lacks",
            shows = "secrets.DB_PASSWORD: Secret 'db' in namespace '<ns>' has no key 'password' (for env DB_PASSWORD); its keys "
                    + "are pass, user. Add the key (kubectl delete secret db --namespace <ns>, then kubectl create secret generic db "
                    + "--namespace <ns> --from-file=password=<file holding the value>), or change the reference in task.yaml")
    void missingReferencedKey() {
        SERVER.createSecret(namespace, "db", Map.of("user", "app", "pass", VALUE));
        shows(only(check(secrets(Map.of("DB_PASSWORD", new SecretRef("db", "password"))))));
    }

    @Test
    @BadInputCase(id = "preflight-credentials", area = "Cluster", input = "The repository's credentials Secret does not exist",
            shows = "repository.credentials_secret: Secret 'git-creds' with the credentials for https://git.example.com/acme/auth.git "
                    + "does not exist in namespace '<ns>'. Create it: kubectl create secret generic git-creds --namespace <ns> "
                    + "--from-file=token=<file holding the access token> (see docs/helm-deployment-flow.md), or remove "
                    + "credentials_secret for a public repository")
    void missingCredentials() {
        shows(only(check(repository("https://git.example.com/acme/auth.git", "git-creds"))));
    }

    @Test
    @BadInputCase(id = "preflight-ssh-credentials", area = "Cluster", input = "An SSH repository's credentials Secret lacks known_hosts",
            shows = "repository.credentials_secret: Secret 'deploy-key' in namespace '<ns>' has no key 'known_hosts', which an SSH "
                    + "repository needs; its keys are ssh-privatekey. Recreate it with those keys: kubectl delete secret deploy-key "
                    + "--namespace <ns>, then kubectl create secret generic deploy-key --namespace <ns> "
                    + "--from-file=ssh-privatekey=<deploy key file> --from-file=known_hosts=<known_hosts file>",
            outcome = "Strict host key checking needs known_hosts, so the attempt would fail in fetch-source.")
    void sshCredentialsWithoutKnownHosts() {
        SERVER.createSecret(namespace, "deploy-key", Map.of("ssh-privatekey", VALUE));
        String message = only(check(repository("git@git.example.com:acme/auth.git", "deploy-key")));
        assertThat(message).doesNotContain(VALUE);
        shows(message);
    }

    @Test
    void aPublicRepositoryNeedsNoCredentialsSecret() {
        assertThat(check(repository("https://git.example.com/acme/auth.git", ""))).isEmpty();
    }

    @Test
    @BadInputCase(id = "preflight-storage-class", area = "Cluster", input = "A storage class that does not exist, for a service without a workspace yet",
            shows = "storage class: Storage class 'fast-ssd' does not exist, and service auth-service has no workspace claim "
                    + "'auth-service-workspace' in namespace '<ns>' yet. Choose an existing class with --storage-class (kubectl get "
                    + "storageclass lists them), or create the claim 'auth-service-workspace' yourself")
    void missingStorageClass() {
        shows(only(check(connection, TaskSettings.NONE, settings(List.of(), "fast-ssd"))));
    }

    @Test
    void anExistingClaimNeedsNoStorageClassAndAForbiddenClusterReadIsSkipped() {
        SERVER.client().persistentVolumeClaims().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("auth-service-workspace").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new io.fabric8.kubernetes.api.model.Quantity("1Gi")))
                .endResources().endSpec().build()).create();
        assertThat(check(connection, TaskSettings.NONE, settings(List.of(), "fast-ssd"))).isEmpty();

        SERVER.client().persistentVolumeClaims().inNamespace(namespace).withName("auth-service-workspace").delete();
        SERVER.failWhen(FaultRule.forbid("get", "storageclasses"));
        SERVER.failWhen(FaultRule.forbid("get", "namespaces"));
        assertThat(check(connection, TaskSettings.NONE, settings(List.of(), "fast-ssd")))
                .as("a user bound to the namespaced Role only cannot read cluster-scoped objects: those checks are skipped")
                .isEmpty();
    }

    @Test
    @BadInputCase(id = "preflight-helm", area = "Cluster", input = "helm cannot use the API server the app can",
            shows = "helm: helm could not ask the API server at <url> (context 'lab') for its releases: helm list failed (exit 1): "
                    + "Error: <helm's error>. Check that helm works with this kubeconfig and context: <helm list command>")
    void helmCannotAskTheServer() {
        SERVER.failWhen(FaultRule.forbid("list", "secrets").inNamespace(namespace).answering(503, "etcd is unavailable"));
        shows(only(check(TaskSettings.NONE)));
    }

    @Test
    void everyMissingPieceIsListedInOnePass() {
        SERVER.client().secrets().inNamespace(namespace).withName(TestKubeApiServer.API_KEY_SECRET).delete();
        TaskSettings settings = new TaskSettings(new Repository("https://git.example.com/acme/auth.git", "main", "", "git-creds"),
                null, null, Map.of(), Map.of("DB_PASSWORD", new SecretRef("db", "password"),
                "API_TOKEN", new SecretRef("tokens", "api")));

        assertThat(check(connection, settings, settings(List.of(), "fast-ssd"))).extracting(Problem::where)
                .containsExactlyInAnyOrder("API key", "secrets.DB_PASSWORD", "secrets.API_TOKEN",
                        "repository.credentials_secret", "storage class");
    }
}
