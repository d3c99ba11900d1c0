package io.taskconsole;

import io.taskconsole.cli.TaskConsoleCli;

/**
 * Entry point of {@code task-console.jar}.
 *
 * <p>It must not extend {@code javafx.application.Application}: the JavaFX launcher refuses to
 * start an Application subclass from the class path, and the CLI should not load JavaFX at all.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || isGuiOption(args[0])) {
            io.taskconsole.ui.TaskConsoleApp.launchApp(args);
            return;
        }
        quietLibraryLogging(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(TaskConsoleCli.run(args));
    }

    /** Libraries log through java.util.logging; a script wants only our one-line errors on stderr. */
    private static void quietLibraryLogging(boolean verbose) {
        java.util.logging.Logger.getLogger("").setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE);
    }

    private static boolean isGuiOption(String arg) {
        return arg.equals("--smoke-test") || arg.startsWith("--workspace=") || arg.equals("gui");
    }
}
