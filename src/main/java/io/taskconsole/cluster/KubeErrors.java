package io.taskconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.TaskConsoleException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the API server or the network said into one sentence a user can act on: which verb
 * on which resource in which namespace failed, and what to do about it.
 */
public final class KubeErrors {

    private KubeErrors() {
    }

    /**
     * @param verb      the Kubernetes verb, e.g. {@code create}
     * @param resource  the plural resource, e.g. {@code configmaps}
     * @param name      the object's name, or {@code null} for collection calls
     */
    public static TaskConsoleException translate(KubernetesClientException e, KubeConnector.Connection connection,
                                                 String verb, String resource, String name) {
        String ns = connection.namespace();
        String ctx = connection.context();
        String object = resource + (name == null ? "" : " '" + name + "'");
        int code = e.getCode();
        if (isUntrustedCertificate(e)) {
            return TaskConsoleException.failed(
                    "The cluster of context '" + ctx + "' at " + connection.server()
                            + " presented a certificate the kubeconfig does not trust (" + rootMessage(e) + ")",
                    "Check the cluster's certificate-authority in the kubeconfig ('kubectl config view --minify --context "
                            + ctx + "'), or get a fresh kubeconfig from your cluster's provider.", e);
        }
        if (code <= 0 || isNetwork(e)) {
            return unreachable(e, connection);
        }
        if (code == 401) {
            java.util.Optional<String> plugin = loginPlugin(connection);
            if (plugin.isPresent()) {
                return TaskConsoleException.failed(
                        "The cluster of context '" + ctx + "' rejected your credentials (401 Unauthorized) when trying to "
                                + verb + " " + object + " in namespace '" + ns + "': the user's login plugin '" + plugin.get()
                                + "' gave no usable token (it failed, is missing, or printed something other than an ExecCredential)",
                        "Run it in a terminal to see why and log in, e.g. 'kubectl --context " + ctx + " auth whoami'.", e);
            }
            return TaskConsoleException.failed(
                    "The cluster of context '" + ctx + "' rejected your credentials (401 Unauthorized) when trying to "
                            + verb + " " + object + " in namespace '" + ns + "'",
                    "Log in again (your token may have expired) and check with 'kubectl --context " + ctx + " auth whoami'.", e);
        }
        if (code == 403 && statusMessage(e).contains("exceeded quota")) {
            // The API server answers a ResourceQuota refusal with 403 too, but no Role fixes it.
            return TaskConsoleException.failed(
                    "Namespace '" + ns + "' is out of quota: the cluster refused to " + verb + " " + object + " ("
                            + statusMessage(e) + ")",
                    "Delete attempts you no longer need ('kubectl -n " + ns + " get configmaps,jobs -l app.kubernetes.io/name=task-console'), "
                            + "or ask a cluster admin to raise the ResourceQuota.", e);
        }
        if (code == 429) {
            return TaskConsoleException.failed(
                    "The cluster of context '" + ctx + "' is too busy and asked us to slow down (429 Too Many Requests) when trying to "
                            + verb + " " + object + " in namespace '" + ns + "'",
                    "Wait a minute and try again; nothing was changed by this request.", e);
        }
        if (code == 403 && resource.equals("version")) {
            return TaskConsoleException.failed(
                    "The cluster of context '" + ctx + "' accepted your credentials but lets your user do nothing (403 Forbidden on /version)",
                    "Ask a cluster admin to bind the task-console-submitter Role to you in '" + ns
                            + "' (see docs/helm-deployment-flow.md, RBAC); check with 'kubectl --context " + ctx + " auth whoami'.", e);
        }
        if (code == 403) {
            return TaskConsoleException.failed(
                    "Permission denied: you may not " + verb + " " + resource + " in namespace '" + ns
                            + "' (context '" + ctx + "')",
                    "Ask a cluster admin to bind the task-console-submitter Role to you in '" + ns
                            + "' (see docs/helm-deployment-flow.md, RBAC); check with 'kubectl auth can-i " + verb + " "
                            + resource + " -n " + ns + " --context " + ctx + "'.", e);
        }
        if (code == 404 && isNamespaceMissing(e, ns)) {
            return namespaceMissing(connection, e);
        }
        if (code == 409) {
            return TaskConsoleException.failed(
                    object + " already exists in namespace '" + ns + "'",
                    "Another submission may have taken this name; submit again to take the next attempt.", e);
        }
        if (code == 422 || code == 400) {
            return TaskConsoleException.failed(
                    "The cluster refused to " + verb + " " + object + " in namespace '" + ns + "': " + statusMessage(e),
                    "Check the task's names and file sizes; run a dry run to see what would be sent.", e);
        }
        return TaskConsoleException.failed(
                "Could not " + verb + " " + object + " in namespace '" + ns + "' (HTTP " + code + "): " + statusMessage(e),
                "Retry; if it persists, check the cluster with 'kubectl --context " + ctx + " get ns " + ns + "'.", e);
    }

    public static TaskConsoleException namespaceMissing(KubeConnector.Connection connection, Throwable cause) {
        return TaskConsoleException.failed(
                "Namespace '" + connection.namespace() + "' does not exist in the cluster of context '" + connection.context() + "'",
                "Choose an existing namespace, or ask an admin to run 'kubectl create namespace " + connection.namespace()
                        + "' and install the submitter RBAC there.", cause);
    }

    public static TaskConsoleException unreachable(Throwable e, KubeConnector.Connection connection) {
        String why = isTimeout(e) ? "timed out" : "was refused or failed";
        return TaskConsoleException.failed(
                "Cannot reach the cluster of context '" + connection.context() + "' at " + connection.server()
                        + ": the connection " + why + " (" + rootMessage(e) + ")",
                "Check your network or VPN and that the cluster is running: 'kubectl --context " + connection.context()
                        + " cluster-info'.", e);
    }

    static boolean isNamespaceMissing(KubernetesClientException e, String ns) {
        if (e.getStatus() != null && e.getStatus().getDetails() != null
                && "namespaces".equals(e.getStatus().getDetails().getKind())
                && ns.equals(e.getStatus().getDetails().getName())) {
            return true;
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : String.valueOf(e.getMessage());
        return message.contains("namespaces \"" + ns + "\" not found");
    }

    static boolean isNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException || t instanceof InterruptedIOException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static boolean isUntrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Not every handshake failure: a peer that hangs up mid-handshake is a network problem.
            if (t instanceof java.security.cert.CertPathValidatorException || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return rootMessage(e);
    }

    /** The innermost message: the one that names the real cause. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    /** The login (exec) plugin of the connection's user, if it has one; a kubeconfig that can't be read again has none. */
    private static java.util.Optional<String> loginPlugin(KubeConnector.Connection connection) {
        if (connection == null || connection.kubeconfigFiles() == null || connection.kubeconfigFiles().isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return Kubeconfigs.execCommand(connection.kubeconfigFiles(), connection.context());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
