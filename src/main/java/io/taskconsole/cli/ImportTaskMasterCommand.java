package io.taskconsole.cli;

import io.taskconsole.app.TaskService;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-taskmaster", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = "Create a task folder from a task in a Task Master tasks.json.")
final class ImportTaskMasterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASKS_JSON", description = "Task Master's tasks.json.")
    Path tasksJson;

    @Option(names = "--id", required = true, paramLabel = "N", description = "The Task Master task id.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The task folder to create.")
    Path out;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service the agent works on (default: the project folder's name, when it makes a valid one).")
    String service;

    @Option(names = "--tag", paramLabel = "TAG", description = "The Task Master tag to read (default: any).")
    String tag;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        TaskService.Imported imported = TaskService.forSystem().importTask(tasksJson, TaskId.parse(id), tag,
                service == null ? null : ServiceName.parse(service), out, null);
        TaskInfo info = imported.draft().info();
        terminal.info("Created " + out + " for task " + info.id() + " '" + info.title() + "' (service " + info.service()
                + (imported.serviceGuessed() ? ", from the project folder's name: change it in task.yaml if needed" : "")
                + ")");
        return TaskConsoleCli.OK;
    }
}
