package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.ImportedTask;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-taskmaster", description = "Create a task folder from a task in a Task Master tasks.json.")
final class ImportTaskMasterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASKS_JSON", description = "Task Master's tasks.json.")
    Path tasksJson;

    @Option(names = "--id", required = true, paramLabel = "N", description = "The Task Master task id.")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The task folder to create.")
    Path out;

    @Option(names = "--service", paramLabel = "NAME",
            description = "The service the agent works on (default: the project folder's name).")
    String service;

    @Option(names = "--tag", paramLabel = "TAG", description = "The Task Master tag to read (default: any).")
    String tag;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec);
        TaskId taskId = TaskId.parse(id);
        ServiceName serviceName = service != null ? ServiceName.parse(service) : guessService();
        if (Files.exists(out.resolve(TaskFolder.TASK_YAML))) {
            throw TaskConsoleException.badInput("Task folder " + out + " already exists",
                    "Choose another --out folder, or delete it first.");
        }
        ImportedTask imported = new TaskMasterImport().importTask(tasksJson, taskId, tag);
        TaskInfo info = new TaskInfo(taskId, serviceName, imported.title(), null, null);
        TaskFolder.save(new TaskDraft(out, info, imported.files()));
        console.info("Created " + out + " for task " + taskId + " '" + imported.title() + "' (service " + serviceName
                + (service == null ? ", from the project folder's name: change it in task.yaml if needed" : "") + ")");
        return TaskConsoleCli.OK;
    }

    /** Task Master keeps tasks.json in {@code <project>/.taskmaster/tasks/}: the project names the service. */
    private ServiceName guessService() {
        Path dir = tasksJson.toAbsolutePath().getParent();
        while (dir != null && dir.getFileName() != null) {
            String name = dir.getFileName().toString();
            if (!name.equals("tasks") && !name.startsWith(".")) {
                return new ServiceName(ServiceName.suggest(name));
            }
            dir = dir.getParent();
        }
        return new ServiceName("my-service");
    }
}
