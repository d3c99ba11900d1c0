package io.taskconsole.app;

import io.taskconsole.cluster.InClusterConfig;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.AttemptRecord;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a retry goes, decided by one rule for every face: <em>a retry goes where attempt N went,
 * unless the user explicitly picked another target</em>. Where attempt N went comes from the local
 * history; an attempt sent from another machine has no local record, so it goes to the target
 * the user has (which is where its listing came from).
 *
 * @param attempt   the attempt to retry, {@code 0} for the latest
 * @param went      where attempt N went, when the local history knows
 * @param target    where the retry goes
 * @param explicit  whether {@code target} is the user's explicit choice over {@code went}
 */
public record RetryPlan(int attempt, Optional<KubeTarget> went, KubeTarget target, boolean explicit) {

    /**
     * @param history  the task's local attempt records
     * @param chosen   the target the user has: the CLI's options, the console's cluster pane
     * @param explicit whether the user named {@code chosen} for this retry (CLI cluster options, or
     *                 the console's "send to the selected target instead" choice)
     */
    public static RetryPlan of(List<AttemptRecord> history, int attempt, KubeTarget chosen, boolean explicit) {
        Optional<KubeTarget> went = history.stream()
                .filter(r -> attempt <= 0 || r.attempt() == attempt)
                .max(Comparator.comparing(AttemptRecord::submittedAt))
                .map(RetryPlan::wentTo);
        KubeTarget target = explicit || went.isEmpty() ? chosen : went.get();
        return new RetryPlan(attempt, went, target, explicit && went.isPresent() && !went.get().equals(chosen));
    }

    /** Where a recorded attempt went; an attempt sent with the pod's ServiceAccount went in-cluster. */
    static KubeTarget wentTo(AttemptRecord r) {
        if (r.kubeconfig() == null && InClusterConfig.CONTEXT.equals(r.context())) {
            return KubeTarget.inCluster(r.namespace());
        }
        return new KubeTarget(r.kubeconfig() == null ? null : Path.of(r.kubeconfig()), r.context(), r.namespace());
    }

    /** Whether the user's target differs from where attempt N went, so the choice is worth asking. */
    public boolean targetsDiffer(KubeTarget chosen) {
        return went.isPresent() && !went.get().equals(chosen);
    }

    /** One sentence naming the attempt, where it went, and where the retry goes. */
    public String describe() {
        String which = attempt <= 0 ? "the latest attempt" : "attempt " + attempt;
        if (went.isEmpty()) {
            return "Retry " + which + " (no local record of where it went) in " + where(target) + ".";
        }
        if (went.get().equals(target)) {
            return "Retry " + which + " where it went: " + where(target) + ".";
        }
        boolean sameFile = java.util.Objects.equals(went.get().kubeconfig(), target.kubeconfig());
        return "Retry " + which + " (sent to " + (sameFile ? contextAndNamespace(went.get()) : where(went.get()))
                + ") in " + where(target) + " instead.";
    }

    /** {@code context / namespace}, with the kubeconfig file when one was named. */
    public static String where(KubeTarget target) {
        return contextAndNamespace(target) + (target.kubeconfig() == null ? "" : " (kubeconfig " + target.kubeconfig() + ")");
    }

    private static String contextAndNamespace(KubeTarget target) {
        return (target.context() == null ? "the current context" : target.context()) + " / " + target.namespace();
    }
}
