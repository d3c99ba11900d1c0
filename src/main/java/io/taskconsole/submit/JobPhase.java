package io.taskconsole.submit;

/**
 * Where an attempt's Job is, as Kubernetes reports it. {@link #MISSING}: the cluster was asked and
 * has no Job for the attempt (helm failed before creating it, or it was cleaned up);
 * {@link #UNKNOWN}: the cluster was not asked or could not be reached.
 */
public enum JobPhase {
    PENDING("Pending"), RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed"), MISSING("Missing"),
    UNKNOWN("—");

    private final String label;

    JobPhase(String label) {
        this.label = label;
    }

    /** As shown in tables: Kubernetes' own words, a dash when unknown. */
    public String label() {
        return label;
    }

    /** The attempt's Job will not change any more. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
