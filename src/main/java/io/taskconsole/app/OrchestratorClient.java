package io.taskconsole.app;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Team mode: submit, retry and list attempts through an orchestrator service (its URL and a bearer
 * token) instead of a cluster. Each POST carries an {@code Idempotency-Key} and is sent once more
 * with the same key when the connection fails, so a lost answer never starts the agent twice. A
 * problem answer becomes a {@link TaskConsoleException} with the service's own sentence.
 */
public final class OrchestratorClient {

    static final String TASKS = "/api/v1/pm/tasks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the service answered for a submit or retry. */
    public record Submitted(int attempt, String namespace, String configMap, String release, String job,
                            String submittedBy, String message) {

        /**
         * The submission as the faces show an ended one: its names, no local files, helm run or record
         * (the service keeps those).
         */
        public AttemptOutcome outcome(ServiceName service, TaskId id) {
            return AttemptOutcome.throughService(new ResourceNames(service, id, attempt));
        }
    }

    private static final OutputListener QUIET = (stream, line) -> { };

    private final URI server;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param server  the service's base URL, e.g. {@code https://orchestrator.example.com}
     * @param token   the bearer token; sent only in the Authorization header, never shown
     * @param timeout how long one request may take (a submission waits for helm)
     */
    public OrchestratorClient(URI server, String token, Duration timeout) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI server() {
        return server;
    }

    /** Sends the draft's files as the task's next attempt, as {@code POST /api/v1/pm/tasks}. */
    public Submitted submit(TaskDraft draft) {
        return submit(draft, QUIET);
    }

    /**
     * {@link #submit(TaskDraft)}, telling {@code progress} (as {@link OutputListener.Stream#INFO} lines)
     * what is sent and what the service answered, problem details included; never the token.
     */
    public Submitted submit(TaskDraft draft, OutputListener progress) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", draft.info().id().value());
        body.put("service_name", draft.info().service().value());
        body.put("title", draft.info().title());
        if (draft.info().agent() != null) {
            body.put("agent_name", draft.info().agent());
        }
        if (draft.info().model() != null) {
            body.put("model", draft.info().model());
        }
        List<Map<String, String>> files = new ArrayList<>();
        for (TaskFile file : draft.files()) {
            files.add(Map.of("filename", file.name(), "content", file.content()));
        }
        body.put("markdown_files", files);
        progress.onLine(OutputListener.Stream.INFO, "POST " + server + TASKS + ": task " + draft.info().id() + " of "
                + draft.info().service() + " with " + files.size() + " file(s)");
        return submitted(post(TASKS, JSON.writeValueAsString(body), progress), progress);
    }

    /** Sends attempt {@code attempt}'s files again ({@code 0}: the latest) as the next attempt. */
    public Submitted retry(ServiceName service, TaskId id, int attempt) {
        return retry(service, id, attempt, QUIET);
    }

    /** {@link #retry(ServiceName, TaskId, int)}, telling {@code progress} what is sent and answered. */
    public Submitted retry(ServiceName service, TaskId id, int attempt, OutputListener progress) {
        String body = attempt > 0 ? "{\"attempt\": " + attempt + "}" : "{}";
        String path = TASKS + "/" + service.value() + "/" + id + "/retry";
        progress.onLine(OutputListener.Stream.INFO, "POST " + server + path + ": retry "
                + (attempt > 0 ? "attempt " + attempt : "the latest attempt"));
        return submitted(post(path, body, progress), progress);
    }

    /**
     * Whether the service answers and is ready ({@code GET /readyz}, which needs no token); throws
     * the same sentence a submission would when it cannot be reached.
     */
    public String ready() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve("/readyz")).GET(), "check it", QUIET);
        if (response.statusCode() != 200) {
            throw TaskConsoleException.failed("The orchestrator at " + server + " is not ready (" + response.statusCode()
                    + "): " + response.body().lines().findFirst().orElse(""), "Ask the service's operator; "
                    + "kubectl -n orchestrator get pods shows its replicas.", null);
        }
        return "The orchestrator at " + server + " is ready";
    }

    /** The task's attempts as the service sees them in its cluster (no local history joins them). */
    public AttemptsOverview attempts(ServiceName service, TaskId id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve(TASKS + "/" + service.value()
                + "/" + id + "/attempts")).GET(), "list the attempts", QUIET);
        if (response.statusCode() == 404) {
            return new AttemptsOverview(List.of(), null);
        }
        JsonNode body = answer(response, 200, "list the attempts");
        List<AttemptSummary> attempts = new ArrayList<>();
        for (JsonNode a : body.path("attempts")) {
            attempts.add(new AttemptSummary(a.path("attempt").asInt(), instant(a.path("submitted_at")), null,
                    text(a.path("context")), text(a.path("namespace")), text(a.path("release")), null, null, null, null,
                    text(a.path("helm_status")), phase(a.path("job").asString("unknown")), null, null));
        }
        return new AttemptsOverview(attempts, null);
    }

    private HttpResponse<String> post(String path, String body, OutputListener progress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, "submit", progress);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what, OutputListener progress) {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(timeout).build();
        IOException last = null;
        for (int tries = 0; tries < 2; tries++) {
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e; // Same request, same Idempotency-Key: the service answers its first answer if it had one.
                if (tries == 0) {
                    progress.onLine(OutputListener.Stream.INFO, "No answer (" + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()) + "); sending it once more with the same Idempotency-Key");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TaskConsoleException.cancelled("Interrupted while waiting for the orchestrator at " + server);
            }
        }
        throw TaskConsoleException.failed("Cannot reach the orchestrator at " + server + " to " + what + ": "
                + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage()),
                "Check the orchestrator URL (--server, or the console's Cluster pane) and that the service is running "
                        + "(curl " + server + "/healthz).", last);
    }

    private Submitted submitted(HttpResponse<String> response, OutputListener progress) {
        JsonNode body;
        try {
            body = answer(response, 201, "submit");
        } catch (TaskConsoleException e) {
            progress.onLine(OutputListener.Stream.INFO, response.statusCode() + " " + response.headers()
                    .firstValue("Content-Type").orElse("(no content type)") + ": " + problemText(response));
            throw e;
        }
        Submitted submitted = new Submitted(body.path("attempt").asInt(), text(body.path("namespace")),
                text(body.path("config_map")), text(body.path("release")), text(body.path("job")),
                text(body.path("submitted_by")), text(body.path("message")));
        progress.onLine(OutputListener.Stream.INFO, "201 Created " + response.headers().firstValue("Location").orElse("")
                + ": attempt " + submitted.attempt() + ", ConfigMap " + submitted.configMap() + ", release "
                + submitted.release() + ", Job " + submitted.job() + " in namespace " + submitted.namespace()
                + ", submitted by " + submitted.submittedBy());
        return submitted;
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The problem's {@code detail}, then each of its {@code errors} on a line of its own. */
    private static String problemText(HttpResponse<String> response) {
        JsonNode body = body(response);
        String detail = body != null && body.path("detail").isString() ? body.path("detail").asString()
                : "HTTP " + response.statusCode() + " without a problem description";
        List<String> lines = new ArrayList<>();
        if (body != null) {
            for (JsonNode e : body.path("errors")) {
                lines.add(e.path("pointer").asString("") + ": " + e.path("detail").asString(""));
            }
        }
        return detail + (lines.isEmpty() ? "" : "\n  " + String.join("\n  ", lines));
    }

    /** The body of an expected answer, or the service's problem as an exception. */
    private JsonNode answer(HttpResponse<String> response, int expected, String what) {
        JsonNode body = body(response);
        if (response.statusCode() == expected && body != null) {
            return body;
        }
        int status = response.statusCode();
        String what2 = "The orchestrator at " + server + " refused to " + what + " (" + status + "): " + problemText(response);
        String fix = switch (status) {
            case 401 -> "Check the token (the token file named by --token-file or the Cluster pane, or "
                    + TeamToken.VARIABLE + ") with the service's operator.";
            case 403 -> "Ask a cluster admin for access to the orchestrator (ClusterRole task-console-pm).";
            case 503 -> "Try again in " + response.headers().firstValue("Retry-After").orElse("a few") + " seconds.";
            default -> status >= 500 ? "See the attempts (task-console attempts --server ...) and retry." : "Fix the task and submit again.";
        };
        throw new TaskConsoleException(status >= 500 || status == 401 || status == 403
                ? TaskConsoleException.Kind.FAILED : TaskConsoleException.Kind.BAD_INPUT, what2, fix, null);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    private static JobPhase phase(String name) {
        try {
            return JobPhase.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return JobPhase.UNKNOWN;
        }
    }
}
