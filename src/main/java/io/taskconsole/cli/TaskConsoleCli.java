package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless face of Task Console: the same core as the desktop app, for scripts.
 * Exit codes: 0 ok, 1 the submission failed, 2 bad input or usage.
 */
@Command(name = "task-console", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "Write, render and dispatch tasks for an AI coding agent to Kubernetes.",
        subcommands = {SubmitCommand.class, RetryCommand.class, RenderCommand.class, AttemptsCommand.class, DiffCommand.class, LogsCommand.class,
                CriteriaCommand.class, ImportTaskMasterCommand.class, ServeCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class TaskConsoleCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    /** Help is coloured only on a terminal and never with NO_COLOR set (picocli's Ansi.AUTO); this turns it off too. */
    @Option(names = "--no-color", scope = CommandLine.ScopeType.INHERIT, description = "No colour in the output.")
    boolean noColor;

    /** Runs one command line on this process's streams and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        TaskConsoleCli root = new TaskConsoleCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(t -> t instanceof TaskConsoleException e ? e.exitCode() : FAILED);
        cli.setParameterExceptionHandler((ex, params) -> {
            err.println("task-console: " + ex.getMessage());
            err.println("Run 'task-console " + (ex.getCommandLine().getCommandName().equals("task-console") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof TaskConsoleException e) {
                err.println("task-console: " + e.oneLine());
                if (root.verbose) {
                    e.printStackTrace(err);
                }
                return e.exitCode();
            }
            err.println("task-console: unexpected error: " + ex);
            if (root.verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --verbose for details.");
            }
            return FAILED;
        });
        cli.setExecutionStrategy(parseResult -> {
            if (root.noColor) {
                cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
