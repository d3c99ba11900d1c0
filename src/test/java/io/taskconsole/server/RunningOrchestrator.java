package io.taskconsole.server;

import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The orchestrator service as {@code task-console serve --tokens FILE} runs it, listening on a port
 * of its own and submitting with the real helm to a fresh namespace of the shared test API server
 * (with the API key Secret the preflight looks for). For the tests of the faces that go through it.
 */
public final class RunningOrchestrator implements AutoCloseable {

    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    private final OrchestratorServer service;
    private final String namespace;
    private final String url;

    private RunningOrchestrator(OrchestratorServer service, String namespace, String url) {
        this.service = service;
        this.namespace = namespace;
        this.url = url;
    }

    /**
     * @param dir    a temp folder for its kubeconfig, tokens file and data
     * @param tokens each token it accepts, with the user name it stands for
     */
    public static RunningOrchestrator start(Path dir, Map<String, String> tokens) throws Exception {
        TestKubeApiServer server = TestKubeApiServer.shared();
        String namespace = "team-" + Long.toHexString(System.nanoTime());
        server.createAttemptNamespace(namespace);
        Path kubeconfig = server.writeKubeconfig(dir.resolve("service-kube"), "service-context", namespace);
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            lines.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getKey().getBytes(StandardCharsets.UTF_8)))).append(' ').append(token.getValue()).append('\n');
        }
        Path tokensFile = Files.writeString(dir.resolve("service-tokens"), lines);
        KubeTarget target = new KubeTarget(kubeconfig, "service-context", namespace);
        OrchestratorServer service = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHART), ToolBinaries.helm(), Duration.ofSeconds(60), false,
                        null, null, null), tokensFile, 2, 2, dir.resolve("service-data"), 1 << 20), TaskService.forSystem());
        return new RunningOrchestrator(service, namespace, "http://127.0.0.1:" + service.start());
    }

    /** The base URL a client is given, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return url;
    }

    /** Where its attempts go. */
    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        service.stop(Duration.ofSeconds(5));
    }
}
