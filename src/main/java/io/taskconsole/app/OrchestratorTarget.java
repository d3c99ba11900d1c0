package io.taskconsole.app;

import io.taskconsole.TaskConsoleException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Team mode's target: an orchestrator service's base URL and where the user's token comes from (a
 * file, or {@link TeamToken#VARIABLE} when {@code tokenFile} is {@code null}). Holds the file's path,
 * never the token: the token is read each time a client is made and lives only in that client.
 * The CLI's {@code --server}/{@code --token-file} and the console's Cluster pane both make one.
 */
public record OrchestratorTarget(URI server, Path tokenFile) {

    /** How long one request may take: a submission waits for the service's helm. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(15);

    public OrchestratorTarget {
        check(server);
    }

    /** Parses the URL a user typed; a bad one is a bad-input error saying what a good one looks like. */
    public static OrchestratorTarget parse(String url, Path tokenFile) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw TaskConsoleException.badInput("No orchestrator URL is given",
                    "Enter the service's base URL, e.g. https://orchestrator.example.com.");
        }
        int space = text.codePoints().boxed().toList().indexOf(text.codePoints().filter(Character::isWhitespace)
                .findFirst().orElse(-1));
        if (space >= 0) {
            throw TaskConsoleException.badInput("The orchestrator URL '" + text + "' has a space at character " + (space + 1),
                    "Use the service's base URL, e.g. https://orchestrator.example.com.");
        }
        try {
            return new OrchestratorTarget(new URI(text), tokenFile);
        } catch (URISyntaxException e) {
            // The JDK's index points at the part that failed, not the character: the reason says which part.
            throw TaskConsoleException.badInput("The orchestrator URL '" + text + "' is not a URL (" + e.getReason() + ")",
                    "Use the service's base URL, e.g. https://orchestrator.example.com.");
        }
    }

    private static void check(URI server) {
        // Checked first, so a password in the URL is never repeated in a message.
        if (server.getRawUserInfo() != null) {
            throw TaskConsoleException.badInput("The orchestrator URL holds a user name or password",
                    "Leave credentials out of the URL; the token comes from the token file or " + TeamToken.VARIABLE + ".");
        }
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme()) || server.getHost() == null) {
            throw TaskConsoleException.badInput("The orchestrator URL '" + server + "' is not an http(s) URL with a host",
                    "Use the service's base URL, e.g. https://orchestrator.example.com.");
        }
    }

    /** A client with the token read now from the file or the environment; throws a bad-input error naming the file. */
    public OrchestratorClient client(Map<String, String> env) {
        return new OrchestratorClient(server, TeamToken.read(tokenFile, env), REQUEST_TIMEOUT);
    }

    /** "the orchestrator at URL", as every face names the target. */
    public String describe() {
        return "the orchestrator at " + server;
    }
}
