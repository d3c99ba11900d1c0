package io.taskconsole.cli;

import io.taskconsole.markdown.CriteriaDocument;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "criteria", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Print the acceptance criteria found in Markdown files.",
        "With several files, task.md is read before design-spec.md and ids run across both."})
final class CriteriaCommand implements Callable<Integer> {

    enum Format { md, json }

    @Option(names = "--format", defaultValue = "md", description = "md or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown files, e.g. task.md design-spec.md.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        List<TaskFile> taskFiles = new ArrayList<>();
        for (Path file : files) {
            taskFiles.add(new TaskFile(file.getFileName().toString(), TaskFolder.readUtf8(file)));
        }
        CriteriaExtractor extractor = new CriteriaExtractor();
        List<Criterion> criteria;
        if (taskFiles.size() == 1) {
            criteria = extractor.extract(taskFiles.get(0));
        } else {
            for (TaskFile f : taskFiles) {
                if (!TaskFolder.isMainFile(f.name())) {
                    terminal.err().println("task-console: warning: " + f.name()
                            + " is ignored: with several files only task.md and design-spec.md hold criteria");
                }
            }
            criteria = extractor.extract(taskFiles);
        }
        if (criteria.isEmpty()) {
            terminal.err().println("task-console: warning: no acceptance criteria found in " + files
                    + "; add an '## Acceptance criteria' section with a list");
        }
        CriteriaDocument document = new CriteriaDocument(criteria);
        terminal.out().print(format == Format.json ? document.toJson() + "\n" : document.toMarkdown());
        terminal.out().flush();
        return TaskConsoleCli.OK;
    }
}
