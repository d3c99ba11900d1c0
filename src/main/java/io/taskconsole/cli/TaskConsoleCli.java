package io.taskconsole.cli;

/** The headless face of Task Console: {@code submit}, {@code retry}, {@code render} and friends. */
public final class TaskConsoleCli {

    private TaskConsoleCli() {
    }

    /** Runs one command line and returns the process exit code (0 ok, 1 failed, 2 bad input). */
    public static int run(String... args) {
        System.err.println("task-console: the CLI is not built yet");
        return 2;
    }
}
