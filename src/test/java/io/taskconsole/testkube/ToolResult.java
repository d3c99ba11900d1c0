package io.taskconsole.testkube;

import java.util.List;

/**
 * What a {@link ToolRun} ended with. {@link #toString()} shows the command, exit code and output,
 * so an assertion message says everything about a failed run.
 *
 * @param exitCode the process's exit code, or -1 if the hang guard killed it
 * @param output   standard output and standard error, interleaved as written
 * @param timedOut whether the hang guard killed the process
 */
public record ToolResult(List<String> command, int exitCode, String output, boolean timedOut) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    @Override
    public String toString() {
        String program = command.isEmpty() ? "?" : command.get(0);
        String args = String.join(" ", command.subList(Math.min(1, command.size()), command.size()));
        return program + " " + args + "\n"
                + (timedOut ? "-> killed by the hang guard" : "-> exit " + exitCode) + "\n" + output;
    }
}
