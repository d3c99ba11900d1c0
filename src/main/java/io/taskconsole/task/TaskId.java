package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;

/** A task's number, as Task Master numbers tasks: a positive integer. */
public record TaskId(long value) implements Comparable<TaskId> {

    public TaskId {
        if (value < 1) {
            throw TaskConsoleException.badInput(
                    "Task id " + value + " is not a positive integer",
                    "Use a whole number of 1 or more, for example 1001.");
        }
    }

    /** Parses user input such as {@code "1001"}; the message names the bad text. */
    public static TaskId parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.matches("[0-9]{1,18}")) {
            throw TaskConsoleException.badInput(
                    "Task id '" + trimmed + "' is not a positive integer",
                    "Use a whole number of 1 or more, for example 1001.");
        }
        return new TaskId(Long.parseLong(trimmed));
    }

    @Override
    public int compareTo(TaskId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
