package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;

/** The {@code --attempt N} check that {@code render} and {@code retry} share; they differ only in what 0 means. */
final class AttemptNumber {

    private AttemptNumber() {
    }

    /** {@code attempt} itself, or a usage error when it is below {@code lowest}. */
    static int atLeast(int lowest, int attempt, String fix) {
        if (attempt < lowest) {
            throw TaskConsoleException.badInput("--attempt " + attempt + " is not an attempt number", fix);
        }
        return attempt;
    }
}
