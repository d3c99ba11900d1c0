package io.taskconsole.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a completion script made from the command model, so it lists exactly the commands and
 * options this version has. bash's comes from picocli; zsh runs the same script through its
 * bash compatibility; fish's is written by {@link FishCompletion}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Print a shell completion script.",
                "bash: source <(task-console completion bash)   (or save it in ~/.local/share/bash-completion/completions/task-console)",
                "zsh:  source <(task-console completion zsh)    (in ~/.zshrc)",
                "fish: task-console completion fish > ~/.config/fish/completions/task-console.fish"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        CommandSpec root = spec.root();
        String script = switch (shell) {
            case bash, zsh -> AutoComplete.bash(root.name(), root.commandLine());
            case fish -> FishCompletion.script(root);
        };
        terminal.out().print(script);
        terminal.out().flush();
        return TaskConsoleCli.OK;
    }
}
