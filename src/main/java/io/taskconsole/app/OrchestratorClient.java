package io.taskconsole.app;

import io.taskconsole.TaskConsoleException;
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
    }

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
        return submitted(post(TASKS, JSON.writeValueAsString(body)));
    }

    /** Sends attempt {@code attempt}'s files again ({@code 0}: the latest) as the next attempt. */
    public Submitted retry(ServiceName service, TaskId id, int attempt) {
        String body = attempt > 0 ? "{\"attempt\": " + attempt + "}" : "{}";
        return submitted(post(TASKS + "/" + service.value() + "/" + id + "/retry", body));
    }

    /** The task's attempts as the service sees them in its cluster (no local history joins them). */
    public AttemptsOverview attempts(ServiceName service, TaskId id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve(TASKS + "/" + service.value()
                + "/" + id + "/attempts")).GET(), "list the attempts");
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

    private HttpResponse<String> post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, "submit");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(timeout).build();
        IOException last = null;
        for (int tries = 0; tries < 2; tries++) {
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e; // Same request, same Idempotency-Key: the service answers its first answer if it had one.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TaskConsoleException.cancelled("Interrupted while waiting for the orchestrator at " + server);
            }
        }
        throw TaskConsoleException.failed("Cannot reach the orchestrator at " + server + " to " + what + ": "
                + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage()),
                "Check the --server URL and that the service is running (curl " + server + "/healthz).", last);
    }

    private Submitted submitted(HttpResponse<String> response) {
        JsonNode body = answer(response, 201, "submit");
        return new Submitted(body.path("attempt").asInt(), text(body.path("namespace")), text(body.path("config_map")),
                text(body.path("release")), text(body.path("job")), text(body.path("submitted_by")),
                text(body.path("message")));
    }

    /** The body of an expected answer, or the service's problem as an exception. */
    private JsonNode answer(HttpResponse<String> response, int expected, String what) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (response.statusCode() == expected && body != null) {
            return body;
        }
        int status = response.statusCode();
        String detail = body != null && body.path("detail").isString() ? body.path("detail").asString()
                : "HTTP " + status + " without a problem description";
        List<String> lines = new ArrayList<>();
        if (body != null) {
            for (JsonNode e : body.path("errors")) {
                lines.add(e.path("pointer").asString("") + ": " + e.path("detail").asString(""));
            }
        }
        String what2 = "The orchestrator at " + server + " refused to " + what + " (" + status + "): " + detail
                + (lines.isEmpty() ? "" : "\n  " + String.join("\n  ", lines));
        String fix = switch (status) {
            case 401 -> "Check the token (--token-file or TASK_CONSOLE_TOKEN) with the service's operator.";
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
