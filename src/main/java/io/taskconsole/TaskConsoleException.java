package io.taskconsole;

import java.util.Objects;

/**
 * The one error type the core throws for anything a user can act on.
 *
 * <p>Its message says what failed and where; {@link #fix()} says how to fix it. Front ends show
 * {@link #oneLine()} and keep the cause for the details pane and the log file, never for a dialog.
 */
public class TaskConsoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Decides the CLI exit code and how a front end presents the error. */
    public enum Kind {
        /** The user's input, files or settings are wrong; nothing was sent to the cluster. */
        BAD_INPUT(2),
        /** Something outside the user's input failed: the cluster, helm, the disk. */
        FAILED(1),
        /** The user cancelled a running operation. */
        CANCELLED(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final String fix;

    public TaskConsoleException(Kind kind, String what, String fix, Throwable cause) {
        super(Objects.requireNonNull(what, "what"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fix = fix == null || fix.isBlank() ? null : fix.strip();
    }

    public static TaskConsoleException badInput(String what, String fix) {
        return new TaskConsoleException(Kind.BAD_INPUT, what, fix, null);
    }

    public static TaskConsoleException failed(String what, String fix, Throwable cause) {
        return new TaskConsoleException(Kind.FAILED, what, fix, cause);
    }

    public static TaskConsoleException cancelled(String what) {
        return new TaskConsoleException(Kind.CANCELLED, what, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How to fix it, or {@code null} where there is nothing the user can do. */
    public String fix() {
        return fix;
    }

    /** What failed, where, and how to fix it, as one sentence for a banner or stderr. */
    public String oneLine() {
        String what = getMessage().strip();
        if (fix == null) {
            return what;
        }
        return what + (what.endsWith(".") ? " " : ". ") + fix;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
