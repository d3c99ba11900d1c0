package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.OrchestratorClient;
import io.taskconsole.app.OrchestratorTarget;
import io.taskconsole.app.TeamToken;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Team mode: an orchestrator service instead of a cluster ({@code submit}, {@code retry}, {@code attempts}). */
final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "Go through an orchestrator service (team mode) instead of a cluster, e.g. https://orchestrator.example.com.")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The file holding your token for --server (default: $" + TeamToken.VARIABLE + ").")
    Path tokenFile;

    boolean given() {
        return server != null;
    }

    /**
     * The client for {@code --server}; refuses cluster options beside it, since the service's own
     * cluster access is what team mode uses.
     */
    OrchestratorClient client(TargetOptions cluster, boolean chartOptionsGiven) {
        if (cluster.given() || chartOptionsGiven) {
            throw TaskConsoleException.badInput("--server sends through the orchestrator, which uses its own cluster, chart "
                    + "and helm", "Leave out --kubeconfig, --context, -n, --in-cluster, --chart, --helm and -f with --server.");
        }
        return new OrchestratorTarget(server, tokenFile).client(System.getenv());
    }

    /** Refuses {@code --token-file} without {@code --server}, which would be silently ignored. */
    void checkNotHalfGiven() {
        if (server == null && tokenFile != null) {
            throw TaskConsoleException.badInput("--token-file is for --server", "Add --server URL, or leave out --token-file.");
        }
    }
}
