package io.taskconsole.cli;

import io.taskconsole.submit.PromptTemplate;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --prompt-template}: the default is the workspace's template, else the built-in one. */
final class TemplateOption {

    @Option(names = "--prompt-template", paramLabel = "FILE",
            description = "Template of prompt.md (default: <workspace>/" + PromptTemplate.OVERRIDE_PATH + ", else built in).")
    Path file;

    PromptTemplate template(Path taskDir) {
        if (file != null) {
            return PromptTemplate.fromFile(file);
        }
        Path workspace = taskDir.toAbsolutePath().getParent();
        return PromptTemplate.forWorkspace(workspace);
    }
}
