package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.server.OrchestratorServer;
import io.taskconsole.submit.SubmitSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Run the orchestrator service: POST /api/v1/pm/tasks takes a task and submits it as the CLI does,",
        "with this process's own cluster access. In a pod, with no kubeconfig anywhere and no --context,",
        "it uses the pod's ServiceAccount. Callers are checked with Kubernetes TokenReview and",
        "SubjectAccessReview unless --tokens names a file."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Mixin
    TargetOptions cluster;

    @Mixin
    ChartOptions chart;

    @Mixin
    InstallOptions install;

    @Option(names = "--tokens", paramLabel = "FILE", description = {
            "Who may call the API, instead of Kubernetes TokenReview and SubjectAccessReview: lines of",
            "'<sha256 hex of a token> <user name>'; re-read when it changes."})
    Path tokens;

    @Option(names = "--max-concurrent-helm", defaultValue = "4",
            description = "helm runs at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrentHelm;

    @Option(names = "--queue", paramLabel = "N",
            description = "Submissions that may wait for helm before the service answers 503 (default: as many as --max-concurrent-helm).")
    Integer queue;

    @Option(names = "--grace-period", paramLabel = "DURATION", defaultValue = "25s",
            description = "On SIGTERM, how long running helm may finish before it is cancelled (default: ${DEFAULT-VALUE}).")
    String gracePeriod;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the tasks' files and helm logs are kept (default: a folder in the temp directory).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    /** The service's own warnings are worth seeing, whatever the launcher's quiet default for libraries; held so it sticks. */
    private static final Logger SERVER_LOG = Logger.getLogger("io.taskconsole.server");

    @Override
    public Integer call() throws Exception {
        Terminal terminal = new Terminal(spec);
        if (maxConcurrentHelm < 1 || (queue != null && queue < 0)) {
            throw TaskConsoleException.badInput("--max-concurrent-helm must be 1 or more and --queue 0 or more",
                    "Use e.g. --max-concurrent-helm 4 --queue 4.");
        }
        if (tokens != null && !Files.isRegularFile(tokens)) {
            throw TaskConsoleException.badInput("The tokens file " + tokens + " does not exist",
                    "Write one line per PM: printf %s \"$TOKEN\" | sha256sum, then the user's name.");
        }
        Duration grace = SubmitSettings.parseTimeout(gracePeriod, "--grace-period");
        TaskService service = TaskService.forSystem();
        KubeTarget target = cluster.inCluster ? cluster.target()
                : service.serviceTarget(cluster.kubeconfig, cluster.context, cluster.namespace);
        SubmitSettings submit = install.settings(chart.settings(cluster)).withTarget(target);
        Path data = dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"), "task-console-server");
        OrchestratorServer server = new OrchestratorServer(new OrchestratorServer.Settings(bind, port, target, submit,
                tokens, maxConcurrentHelm, queue != null ? queue : maxConcurrentHelm, data, 4L * 1024 * 1024), service,
                terminal::accessLog);
        SERVER_LOG.setLevel(Level.INFO);
        int actual = server.start();
        terminal.info("Listening on " + bind + ":" + actual + "; attempts go to "
                + (target.inCluster() ? "this cluster (ServiceAccount)" : "context "
                + (target.context() == null ? "(current)" : target.context())) + ", namespace " + target.namespace()
                + "; callers checked by " + (tokens != null ? "the tokens file " + tokens : "Kubernetes TokenReview"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(grace);
            stopped.countDown();
        }, "task-console-serve-stop"));
        stopped.await();
        return TaskConsoleCli.OK;
    }
}
