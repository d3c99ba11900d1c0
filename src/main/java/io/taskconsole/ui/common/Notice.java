package io.taskconsole.ui.common;

import io.taskconsole.TaskConsoleException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

/**
 * One message for the banner: a one-line reason a person can act on, optional details for the
 * expander, and optional actions ("Reload", "Keep mine").
 */
public record Notice(Level level, String message, String details, List<Action> actions) {

    public enum Level { INFO, SUCCESS, WARNING, ERROR }

    /** A button on the banner. */
    public record Action(String label, Runnable run) {
    }

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        details = details == null ? "" : details;
        actions = List.copyOf(actions);
    }

    public static Notice info(String message) {
        return new Notice(Level.INFO, message, "", List.of());
    }

    public static Notice success(String message) {
        return new Notice(Level.SUCCESS, message, "", List.of());
    }

    public static Notice warning(String message, Action... actions) {
        return new Notice(Level.WARNING, message, "", List.of(actions));
    }

    /**
     * An error as the user should see it: a {@link TaskConsoleException}'s one line, or for anything
     * else "what we were doing" plus the exception's own message; the stack trace only in details.
     */
    public static Notice error(String doing, Throwable error) {
        Throwable root = unwrap(error);
        String line;
        if (root instanceof TaskConsoleException tce) {
            line = tce.oneLine();
        } else {
            String reason = root.getMessage() == null || root.getMessage().isBlank()
                    ? root.getClass().getSimpleName() : root.getMessage().strip();
            line = doing + " failed: " + firstLine(reason);
        }
        return new Notice(Level.ERROR, line, stackTrace(error), List.of());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.lang.reflect.InvocationTargetException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
