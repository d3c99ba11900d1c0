package io.taskconsole.submit;

/** How the submission of one attempt ended: helm's run, not the agent's Job (see {@link JobPhase}). */
public enum AttemptResult {
    SUCCEEDED, FAILED, CANCELLED;

    /** The word a person reads: "succeeded", "failed", "cancelled". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
