package io.taskconsole.app;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptStatus;
import io.taskconsole.submit.JobPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A task's attempts, newest first, merged by one rule:
 * <ol>
 *   <li>The cluster's list (of the target's context and namespace) is the truth of which attempts
 *       exist there; each is joined by number with the local record of the same target.</li>
 *   <li>An attempt only the cluster knows was sent from elsewhere: it is listed without a log.</li>
 *   <li>A local record of another target is left out while the cluster could be asked (its number
 *       belongs to another namespace's sequence); when the cluster could not be asked, or was not,
 *       every local record is listed, with Job status {@link JobPhase#UNKNOWN}.</li>
 * </ol>
 *
 * @param clusterProblem why the cluster's part is missing, or {@code null}
 * @param settled        one sentence per interrupted submission this listing settled (see
 *                       {@link io.taskconsole.submit.InterruptedSubmissions}), for the face to show once
 */
public record AttemptsOverview(List<AttemptSummary> attempts, String clusterProblem, List<String> settled) {

    public AttemptsOverview {
        attempts = List.copyOf(attempts);
        settled = List.copyOf(settled);
    }

    public AttemptsOverview(List<AttemptSummary> attempts, String clusterProblem) {
        this(attempts, clusterProblem, List.of());
    }

    AttemptsOverview withSettled(List<String> sentences) {
        return new AttemptsOverview(attempts, clusterProblem, sentences);
    }

    static AttemptsOverview merge(List<AttemptRecord> history, List<AttemptStatus> cluster, boolean clusterAsked,
                                  String clusterProblem, KubeTarget target) {
        boolean filterByTarget = clusterAsked && clusterProblem == null;
        Map<Integer, AttemptStatus> inCluster = new TreeMap<>();
        cluster.forEach(s -> inCluster.put(s.attempt(), s));
        Map<Integer, AttemptSummary> merged = new TreeMap<>(Comparator.reverseOrder());
        for (AttemptRecord r : history) {
            if (filterByTarget && !sameTarget(r, target)) {
                continue;
            }
            AttemptStatus s = inCluster.get(r.attempt());
            merged.put(r.attempt(), new AttemptSummary(r.attempt(), r.submittedAt(), r.kubeconfig(), r.context(),
                    r.namespace(), r.release(), r.command(), r.exitCode(), r.status(), r.message(),
                    s == null ? null : s.releaseStatus(),
                    s != null ? s.jobStatus() : filterByTarget ? JobPhase.MISSING : JobPhase.UNKNOWN,
                    Duration.ofMillis(r.durationMillis()), r.logFile()));
        }
        for (AttemptStatus s : inCluster.values()) {
            merged.computeIfAbsent(s.attempt(), n -> new AttemptSummary(n, s.createdAt(),
                    target.kubeconfig() == null ? null : target.kubeconfig().toString(), target.context(),
                    target.namespace(), s.release(), null, null, null, null, s.releaseStatus(), s.jobStatus(),
                    s.jobStarted() != null && s.jobFinished() != null
                            ? Duration.between(s.jobStarted(), s.jobFinished()) : null, null));
        }
        return new AttemptsOverview(new ArrayList<>(merged.values()), clusterProblem);
    }

    /** A record matches when its namespace is the target's and, where the target names a context, so does it. */
    private static boolean sameTarget(AttemptRecord r, KubeTarget target) {
        return r.namespace().equals(target.namespace())
                && (target.context() == null || Objects.equals(target.context(), r.context()));
    }
}
