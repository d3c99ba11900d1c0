package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read-only questions the preflight asks the cluster before anything is created. Each answer is
 * {@link Found#YES}, {@link Found#NO} or {@link Found#UNKNOWN} (we may not look), so a check the
 * user's Role does not cover is skipped rather than reported as missing.
 *
 * <p>Secrets: Kubernetes has no read that returns a Secret's key names without its values (the
 * metadata-only and table forms carry neither names nor values of keys), so {@link #secretKeys}
 * GETs the one Secret by name (the verb helm's release records already need) and keeps only the
 * key names; the values are dropped at once and never logged, shown or stored. Secrets are never
 * listed, which would fetch every value in the namespace.
 */
public final class ClusterFacts {

    /** Whether something is there, or that we could not tell. */
    public enum Found { YES, NO, UNKNOWN }

    /** A Secret's key names (never values), sorted, or that there is no such Secret. */
    public record SecretKeys(Found found, Set<String> keys) {

        public SecretKeys {
            keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
        }

        public boolean has(String key) {
            return keys.contains(key);
        }
    }

    private final KubeConnector.Connection connection;

    public ClusterFacts(KubeConnector.Connection connection) {
        this.connection = connection;
    }

    /** Cluster-scoped: a submitter bound only to the namespaced Role may not ask ({@link Found#UNKNOWN}). */
    public Found namespaceExists() {
        return found(() -> connection.client().namespaces().withName(connection.namespace()).get() != null,
                "get", "namespaces", connection.namespace(), true);
    }

    /** Cluster-scoped like {@link #namespaceExists()}. */
    public Found storageClassExists(String name) {
        return found(() -> connection.client().storage().v1().storageClasses().withName(name).get() != null,
                "get", "storageclasses", name, true);
    }

    public Found claimExists(String name) {
        return found(() -> connection.client().persistentVolumeClaims().inNamespace(connection.namespace())
                .withName(name).get() != null, "get", "persistentvolumeclaims", name, false);
    }

    /**
     * The key names of Secret {@code name} in the namespace. A refusal to read it is an error: the
     * submitter Role grants it, so the user lacks that Role.
     */
    public SecretKeys secretKeys(String name) {
        Secret secret;
        try {
            secret = connection.client().secrets().inNamespace(connection.namespace()).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "get", "secrets", name);
        }
        if (secret == null) {
            return new SecretKeys(Found.NO, Set.of());
        }
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return new SecretKeys(Found.YES, keys);
    }

    private interface Read {
        boolean exists();
    }

    private Found found(Read read, String verb, String resource, String name, boolean forbiddenIsUnknown) {
        try {
            return read.exists() ? Found.YES : Found.NO;
        } catch (KubernetesClientException e) {
            if (forbiddenIsUnknown && e.getCode() == 403) {
                return Found.UNKNOWN;
            }
            throw KubeErrors.translate(e, connection, verb, resource, name);
        }
    }
}
