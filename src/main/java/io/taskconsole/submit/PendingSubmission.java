package io.taskconsole.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A submission on its way, written to the task's history before anything is created in the
 * cluster and rewritten at each stage. Submitting takes several steps that can't be one
 * transaction (a ConfigMap, a claim, helm's release, the local record); if the process dies
 * between two of them ({@code kill -9}, a crash, a power cut) this file is what is left, and the
 * next listing of attempts settles it against the cluster (see {@link InterruptedSubmissions}).
 *
 * @param id           also the ConfigMap's {@link #ANNOTATION}, so an attempt created just
 *                     before the process died is found even though its number was never written here
 * @param pid          the submitting process, with {@code processStart} to tell it from a later
 *                     process that got the same pid
 * @param attempt      the attempt number, once its ConfigMap exists; {@code null} before
 * @param stage        how far it got: {@link Stage}
 */
public record PendingSubmission(String id, long pid, Instant processStart, Instant startedAt, String context,
                                String namespace, String kubeconfig, Integer previousAttempt, Integer attempt,
                                String release, String configMap, String command, String logFile, Stage stage) {

    /** The ConfigMap annotation naming the submission that created it. */
    public static final String ANNOTATION = "taskconsole.io/submission";

    /** The steps of a submission, in order. */
    public enum Stage {
        /** Taking an attempt number: its ConfigMap may or may not exist yet. */
        CONFIGMAP("while creating its ConfigMap"),
        /** The ConfigMap exists; the workspace claim is being made. */
        CLAIM("after creating its ConfigMap, before helm ran"),
        /** helm upgrade --install is running. */
        HELM("while helm ran"),
        /** helm has ended; the outcome was not recorded yet. */
        RECORDING("after helm ended, before the outcome was recorded");

        private final String when;

        Stage(String when) {
            this.when = when;
        }

        /** The words for "interrupted ..." in a sentence. */
        public String when() {
            return when;
        }
    }

    /** A new pending submission of this process, before its ConfigMap. */
    static PendingSubmission start(Instant now, String context, String namespace, String kubeconfig,
                                   Integer previousAttempt) {
        ProcessHandle self = ProcessHandle.current();
        return new PendingSubmission(UUID.randomUUID().toString(), self.pid(), self.info().startInstant().orElse(null),
                now, context, namespace, kubeconfig, previousAttempt, null, null, null, null, null, Stage.CONFIGMAP);
    }

    PendingSubmission created(int number, String releaseName, String configMapName) {
        return new PendingSubmission(id, pid, processStart, startedAt, context, namespace, kubeconfig, previousAttempt,
                number, releaseName, configMapName, command, logFile, Stage.CLAIM);
    }

    PendingSubmission at(Stage next, String helmCommand, String log) {
        return new PendingSubmission(id, pid, processStart, startedAt, context, namespace, kubeconfig, previousAttempt,
                attempt, release, configMap, helmCommand, log, next);
    }

    /**
     * Whether the process that wrote this is still running (then the submission is still going on,
     * in another window or another Task Console). A pid alone could belong to a later process, so
     * its start time must match too.
     */
    public boolean ownerRunning() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> processStart == null
                || h.info().startInstant().map(s -> Duration.between(s, processStart).abs().toSeconds() < 2).orElse(true))
                .orElse(false);
    }
}
