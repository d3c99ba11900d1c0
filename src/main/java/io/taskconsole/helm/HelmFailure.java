package io.taskconsole.helm;

import io.taskconsole.TaskConsoleException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a helm run that did not succeed into the one-line error a user sees: what helm said last
 * on stderr (its {@code Error: ...} line when there is one) and a hint matched to that text.
 */
public final class HelmFailure {

    private static final int MAX_DETAIL_CHARS = 400;

    private HelmFailure() {
    }

    public static TaskConsoleException exception(HelmCommand command, HelmResult result) {
        if (result.succeeded()) {
            throw new IllegalArgumentException("helm succeeded; there is no failure to report");
        }
        String what = "helm " + command.subcommand();
        if (result.cancelled()) {
            return TaskConsoleException.cancelled(what + " was cancelled");
        }
        String said = lastError(result.stderrTail());
        if (result.timedOut()) {
            return TaskConsoleException.failed(
                    what + " did not finish in time and was stopped" + (said.isEmpty() ? "" : "; it last said: " + said),
                    "Check that the cluster is reachable and the release's pods start (kubectl get pods), or raise the timeout.",
                    null);
        }
        if (said.isEmpty() && result.exitCode() > 128 && result.exitCode() < 160) {
            // 128 + n: a signal ended it before it could say anything (kill -9, the out-of-memory killer).
            return TaskConsoleException.failed(
                    what + " failed (exit " + result.exitCode() + "): helm was killed (signal " + (result.exitCode() - 128) + ")",
                    "Check the machine's memory (the out-of-memory killer) or whoever stopped it, then submit again.", null);
        }
        return TaskConsoleException.failed(
                what + " failed (exit " + result.exitCode() + ")" + (said.isEmpty() ? "" : ": " + said),
                hint(said), null);
    }

    /** helm's last {@code Error:} line, else its last non-blank stderr line, shortened; or empty. */
    static String lastError(List<String> stderrTail) {
        String last = "";
        for (int i = stderrTail.size() - 1; i >= 0; i--) {
            String line = stderrTail.get(i).strip();
            if (line.startsWith("Error:")) {
                last = line;
                break;
            }
            if (last.isEmpty() && !line.isEmpty()) {
                last = line;
            }
        }
        return last.length() > MAX_DETAIL_CHARS ? last.substring(0, MAX_DETAIL_CHARS) + " …" : last;
    }

    static String hint(String said) {
        String text = said.toLowerCase(Locale.ROOT);
        if (text.contains("connection refused") || text.contains("cluster unreachable") || text.contains("no such host")
                || text.contains("i/o timeout") || text.contains("tls handshake")) {
            return "Check that the cluster is reachable with this kubeconfig and context (kubectl get namespaces), then try again.";
        }
        if (text.contains("another operation") && text.contains("in progress")) {
            return "Wait for the other helm operation on this release to finish (helm history), then try again.";
        }
        if (text.contains("forbidden") || text.contains("unauthorized") || text.contains("must be logged in")) {
            return "Check that your kubeconfig user may create these resources in the namespace (kubectl auth can-i), or log in again.";
        }
        if (text.contains("namespaces") && text.contains("not found")) {
            return "Create the namespace or choose an existing one, then try again.";
        }
        if (text.contains("context deadline exceeded") || text.contains("timed out waiting")) {
            return "The release did not become ready in time; check its pods (kubectl get pods) or raise the timeout.";
        }
        if (text.contains("path") && text.contains("not found") || text.contains("chart") && text.contains("not found")) {
            return "Check the chart path; it must be a chart directory with a Chart.yaml.";
        }
        return "Check the helm output in the log for details.";
    }
}
