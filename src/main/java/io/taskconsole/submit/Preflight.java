package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.ClusterFacts;
import io.taskconsole.cluster.ClusterFacts.Found;
import io.taskconsole.cluster.ClusterFacts.SecretKeys;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmCommand;
import io.taskconsole.helm.HelmFailure;
import io.taskconsole.helm.HelmProcess;
import io.taskconsole.helm.HelmResult;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.task.Repository;
import io.taskconsole.task.TaskInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a submission needs in the cluster, checked in one pass before anything is created, so the
 * user sees every missing piece at once (like validation) instead of a pod that never starts:
 * the namespace, the API key Secret and its key, every Secret the task references and its key, the
 * repository's credentials Secret, the storage class (unless the service's claim is there), and
 * that helm reaches the API server. Each problem says how to fix it.
 *
 * <p>It only reads, and reads Secrets by name, keeping their key names only (see
 * {@link ClusterFacts}). A cluster-scoped read (namespace, storage class) the user may not make is
 * skipped: the namespaced submitter Role cannot grant it.
 */
public final class Preflight {

    /** The chart's default {@code agent.apiKeySecret}; a values file may name another. */
    public static final String API_KEY_SECRET = "anthropic-api-key";
    public static final String API_KEY_KEY = "api-key";
    /** How long {@code helm list} may take to answer before the API server counts as unreachable. */
    static final Duration HELM_WATCHDOG = Duration.ofSeconds(30);

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * How long a {@code helm list} that answered vouches for the same helm, kubeconfig, context and
     * namespace. A long-lived face (the orchestrator service, the desktop app) submits many times a
     * minute; a second helm process per submission would cost as much CPU as the install itself, and
     * helm losing the API server within this window still fails the install, with the ConfigMap kept
     * and recorded as any helm failure is.
     */
    static final Duration HELM_REACH_MEMORY = Duration.ofSeconds(30);

    private final HelmRunner helmRunner;
    private final Map<String, Long> helmReachedAt = new ConcurrentHashMap<>();

    public Preflight(HelmRunner helmRunner) {
        this.helmRunner = helmRunner;
    }

    /** Every problem found, in the order a user would fix them; empty when the submission can go. */
    public List<Problem> check(KubeConnector.Connection connection, HelmBinary helm, TaskInfo info,
                               SubmitSettings settings, Cancellation cancel) {
        List<Problem> problems = new ArrayList<>();
        ClusterFacts facts = new ClusterFacts(connection);
        String ns = connection.namespace();
        if (facts.namespaceExists() == Found.NO) {
            // Every namespaced check would only repeat it.
            problems.add(new Problem("namespace", "Namespace '" + ns + "' does not exist in the cluster of context '"
                    + connection.context() + "'", "Choose an existing namespace, or create it: kubectl create namespace " + ns));
            return problems;
        }
        ApiKey apiKey = apiKey(settings.extraValues());
        secret(facts, ns, "API key", apiKey.secret(), apiKey.key(), "the Anthropic API key",
                "<file holding the API key>", "or name another Secret in agent.apiKeySecret of a values file", problems);
        info.settings().secrets().forEach((env, ref) -> secret(facts, ns, "secrets." + env, ref.secret(), ref.key(),
                "env " + env, "<file holding the value>", "or change the reference in task.yaml", problems));
        Repository repository = info.settings().repository();
        if (repository != null && !repository.credentialsSecret().isEmpty()) {
            credentials(facts, ns, repository, problems);
        }
        storage(facts, connection, info, settings, problems);
        cancel.throwIfCancelled();
        helmReaches(connection, helm, problems);
        return problems;
    }

    /** Throws one error listing every problem, as validation does. */
    public static void throwIfAny(List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("The cluster is not ready for this task (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; nothing was created):");
        for (Problem p : problems) {
            text.append("\n  - ").append(p.oneLine());
        }
        // Not bad input: the task is fine, the cluster lacks something (exit 1, like other cluster failures).
        throw TaskConsoleException.failed(text.toString(),
                "Fix them and submit again, or skip these checks with --skip-preflight.", null);
    }

    private static void secret(ClusterFacts facts, String ns, String where, String name, String key, String purpose,
                               String placeholder, String alternative, List<Problem> problems) {
        SecretKeys found = facts.secretKeys(name);
        String create = "kubectl create secret generic " + name + " --namespace " + ns + " --from-file=" + key + "=" + placeholder;
        if (found.found() == Found.NO) {
            problems.add(new Problem(where, "Secret '" + name + "' (for " + purpose + ") does not exist in namespace '" + ns + "'",
                    "Create it: " + create + ", " + alternative));
        } else if (!found.has(key)) {
            problems.add(new Problem(where, "Secret '" + name + "' in namespace '" + ns + "' has no key '" + key + "' (for "
                    + purpose + ")" + keysItHas(found), "Add the key (kubectl delete secret " + name + " --namespace " + ns
                    + ", then " + create + "), " + alternative));
        }
    }

    private static void credentials(ClusterFacts facts, String ns, Repository repository, List<Problem> problems) {
        String name = repository.credentialsSecret();
        boolean https = repository.url().startsWith("https://");
        List<String> keys = https ? List.of("token") : List.of("ssh-privatekey", "known_hosts");
        String create = "kubectl create secret generic " + name + " --namespace " + ns + (https
                ? " --from-file=token=<file holding the access token>"
                : " --from-file=ssh-privatekey=<deploy key file> --from-file=known_hosts=<known_hosts file>");
        SecretKeys found = facts.secretKeys(name);
        if (found.found() == Found.NO) {
            problems.add(new Problem("repository.credentials_secret", "Secret '" + name
                    + "' with the credentials for " + repository.url() + " does not exist in namespace '" + ns + "'",
                    "Create it: " + create + " (see docs/helm-deployment-flow.md), or remove credentials_secret for a public repository"));
            return;
        }
        List<String> missing = keys.stream().filter(k -> !found.has(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("repository.credentials_secret", "Secret '" + name + "' in namespace '" + ns
                    + "' has no key " + String.join(" or ", missing.stream().map(k -> "'" + k + "'").toList()) + ", which "
                    + (https ? "an HTTPS" : "an SSH") + " repository needs" + keysItHas(found),
                    "Recreate it with those keys: kubectl delete secret " + name + " --namespace " + ns + ", then " + create));
        }
    }

    private static void storage(ClusterFacts facts, KubeConnector.Connection connection, TaskInfo info,
                                SubmitSettings settings, List<Problem> problems) {
        String claim = ResourceNames.workspaceClaimName(info.service());
        String storageClass = settings.storageClass();
        if (storageClass.isBlank() || facts.claimExists(claim) == Found.YES) {
            return; // the cluster's default class, or the claim is made already: no class is asked for
        }
        if (facts.storageClassExists(storageClass) == Found.NO) {
            problems.add(new Problem("storage class", "Storage class '" + storageClass + "' does not exist, and service "
                    + info.service().value() + " has no workspace claim '" + claim + "' in namespace '" + connection.namespace()
                    + "' yet", "Choose an existing class with --storage-class (kubectl get storageclass lists them), "
                    + "or create the claim '" + claim + "' yourself"));
        }
    }

    private void helmReaches(KubeConnector.Connection connection, HelmBinary helm, List<Problem> problems) {
        String key = String.join("\n", helm.toString(), connection.server(), connection.context(), connection.namespace(),
                connection.kubeconfigFiles().toString());
        Long reached = helmReachedAt.get(key);
        if (reached != null && System.nanoTime() - reached < HELM_REACH_MEMORY.toNanos()) {
            return;
        }
        try (HelmKubeconfig kubeconfigs = HelmKubeconfig.of(connection)) {
            HelmCommand list = HelmCommand.listIn(helm, kubeconfigs.files(), connection.context(), connection.namespace())
                    .with("--short");
            HelmProcess process = helmRunner.start(list, (stream, line) -> { }, HELM_WATCHDOG);
            HelmResult result = process.await();
            if (!result.succeeded()) {
                TaskConsoleException failure = HelmFailure.exception(list, result);
                problems.add(new Problem("helm", "helm could not ask the API server at " + connection.server()
                        + " (context '" + connection.context() + "') for its releases: " + failure.getMessage(),
                        "Check that helm works with this kubeconfig and context: " + list.display()));
            } else {
                helmReachedAt.put(key, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskConsoleException.cancelled("The preflight was interrupted");
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot write a kubeconfig for helm: " + e.getMessage(),
                    "Check free space in the temp folder.", e);
        }
    }

    private static String keysItHas(SecretKeys found) {
        return found.keys().isEmpty() ? "; it has no keys" : "; its keys are " + String.join(", ", found.keys());
    }

    private record ApiKey(String secret, String key) {
    }

    /** The chart's {@code agent.apiKeySecret}, as the values files given to helm leave it (the last wins). */
    private static ApiKey apiKey(List<Path> extraValues) {
        String secret = API_KEY_SECRET;
        String key = API_KEY_KEY;
        for (Path file : extraValues) {
            try {
                JsonNode ref = YAML.readTree(file.toFile()).path("agent").path("apiKeySecret");
                secret = text(ref, "name", secret);
                key = text(ref, "key", key);
            } catch (JacksonException | IllegalArgumentException e) {
                // helm reports a values file it cannot read, with its own words; the defaults stand here.
            }
        }
        return new ApiKey(secret, key);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : otherwise;
    }
}
