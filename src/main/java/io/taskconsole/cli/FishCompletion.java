package io.taskconsole.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script written from the command model (picocli generates bash only): one
 * {@code complete} line per command, option and positional parameter, for one level of subcommands.
 */
final class FishCompletion {

    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", made by '").append(name)
                .append(" completion fish' from this version's commands.\n");
        out.append("complete -c ").append(name).append(" -f\n");
        String atTop = "__fish_use_subcommand";
        for (OptionSpec option : root.options()) {
            out.append(option(name, atTop, option));
        }
        for (Map.Entry<String, CommandLine> entry : root.subcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || !entry.getKey().equals(sub.name())) {
                continue;
            }
            out.append("complete -c ").append(name).append(" -n ").append(atTop).append(" -a ").append(sub.name())
                    .append(" -d ").append(quote(summary(sub))).append('\n');
            String inSub = quote("__fish_seen_subcommand_from " + sub.name());
            for (OptionSpec option : sub.options()) {
                out.append(option(name, inSub, option));
            }
            for (PositionalParamSpec positional : sub.positionalParameters()) {
                out.append(positional(name, inSub, positional));
            }
        }
        return out.toString();
    }

    private static String option(String command, String condition, OptionSpec option) {
        if (option.hidden()) {
            return "";
        }
        StringBuilder line = new StringBuilder("complete -c ").append(command).append(" -n ").append(condition);
        for (String n : option.names()) {
            if (n.startsWith("--")) {
                line.append(" -l ").append(n.substring(2));
            } else if (n.startsWith("-") && n.length() == 2) {
                line.append(" -s ").append(n.charAt(1));
            }
        }
        if (option.arity().max() > 0) {
            line.append(argument(option));
        }
        line.append(" -d ").append(quote(firstLine(option.description())));
        return line.append('\n').toString();
    }

    private static String positional(String command, String condition, PositionalParamSpec positional) {
        if (positional.hidden()) {
            return "";
        }
        String argument = argument(positional).replace(" -r", "");
        return argument.isEmpty() ? "" : "complete -c " + command + " -n " + condition + argument + '\n';
    }

    /** What an argument completes to: the candidates it has, file names for paths, else nothing. */
    private static String argument(ArgSpec arg) {
        List<String> candidates = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(candidates::add);
        }
        if (!candidates.isEmpty()) {
            return " -x -a " + quote(String.join(" ", candidates));
        }
        boolean path = Path.class.isAssignableFrom(arg.type()) || Path.class.isAssignableFrom(arg.auxiliaryTypes()[0]);
        return path ? " -r -F" : arg.isOption() ? " -x" : "";
    }

    /** The line picocli's own command list shows: the header if there is one, else the description's first line. */
    private static String summary(CommandSpec command) {
        String[] header = command.usageMessage().header();
        return firstLine(header.length > 0 ? header : command.usageMessage().description());
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0].replace("%n", " ").strip();
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
