package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.server.OrchestratorServer;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Run the orchestrator service: POST /api/v1/pm/tasks takes a task and submits it as the CLI does,",
        "with this process's own cluster access. In a pod it uses the pod's ServiceAccount by default."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = {"-n", "--namespace"}, defaultValue = KubeTarget.DEFAULT_NAMESPACE,
            description = "Namespace attempts go to (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig (default: as kubectl finds it; in a pod without one, in-cluster config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: current-context).")
    String context;

    @Option(names = "--chart", paramLabel = "PATH|oci://REF", description = "Chart (default: the bundled one).")
    String chart;

    @Option(names = "--helm", paramLabel = "FILE", description = "The helm binary (default: PATH, then the usual folders).")
    Path helm;

    @Option(names = "--tokens", paramLabel = "FILE", required = true, description = {
            "Who may call the API: lines of '<sha256 hex of a token> <user name>'; re-read when it changes.",
            "(Kubernetes TokenReview is not supported yet.)"})
    Path tokens;

    @Option(names = "--max-concurrent-helm", defaultValue = "4",
            description = "helm runs at once (default: ${DEFAULT-VALUE}); as many more may wait.")
    int maxConcurrentHelm;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the tasks' files are kept (default: a folder in the temp directory).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = new Terminal(spec);
        if (maxConcurrentHelm < 1) {
            throw TaskConsoleException.badInput("--max-concurrent-helm must be 1 or more", "Use e.g. 4.");
        }
        if (!Files.isRegularFile(tokens)) {
            throw TaskConsoleException.badInput("The tokens file " + tokens + " does not exist",
                    "Write one line per PM: printf %s \"$TOKEN\" | sha256sum, then the user's name.");
        }
        // In a pod with no kubeconfig anywhere (option, $KUBECONFIG, home) and no context: the ServiceAccount.
        TaskService service = TaskService.forSystem();
        KubeTarget target = service.serviceTarget(kubeconfig, context, namespace);
        Path data = dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"), "task-console-server");
        OrchestratorServer server = new OrchestratorServer(new OrchestratorServer.Settings(bind, port, target,
                new SubmitSettings(target, ChartSource.parse(chart), helm, null, false, null, null, null), tokens,
                maxConcurrentHelm, maxConcurrentHelm, data, 4L * 1024 * 1024), service);
        int actual = server.start();
        terminal.info("Listening on " + bind + ":" + actual + "; attempts go to "
                + (target.inCluster() ? "this cluster (ServiceAccount)" : "context " + (context == null ? "(current)" : context))
                + ", namespace " + namespace);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(25));
            stopped.countDown();
        }, "task-console-serve-stop"));
        stopped.await();
        return TaskConsoleCli.OK;
    }
}
