package io.taskconsole.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator service: the PM endpoint of the original system ({@code POST /api/v1/pm/tasks})
 * as a third face over the application layer. It parses requests, calls {@link TaskService} (the
 * same validation, files, attempt numbering, ConfigMap, claim and helm as the CLI) and renders
 * results as JSON, errors as {@code application/problem+json}. helm runs on a bounded pool with a
 * bounded queue; a full queue answers 503 with {@code Retry-After}.
 */
public final class OrchestratorServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OrchestratorServer.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TASKS = "/api/v1/pm/tasks";
    static final String OPENAPI = "/api/v1/openapi.yaml";
    /** The annotation on an attempt's ConfigMap that says how the service's submission of it ended. */
    static final String RESULT = "task-console.io/result";
    private static final Set<String> JSON_TYPES = Set.of("application/json");

    /**
     * How the service runs.
     *
     * @param target       where attempts go: a kubeconfig context, or the pod's ServiceAccount
     * @param tokens       {@code --tokens FILE}, or {@code null}: Kubernetes TokenReview and SubjectAccessReview
     * @param dataDir      where the tasks' files and local history are kept (the cluster is the truth)
     * @param maxBodyBytes requests over this answer 413
     */
    public record Settings(String bind, int port, KubeTarget target, SubmitSettings submit, Path tokens,
                           int maxConcurrentHelm, int queue, Path dataDir, long maxBodyBytes) {
    }

    private final Settings settings;
    private final TaskService service;
    private final Authenticator auth;
    private final Idempotency idempotency = new Idempotency();
    private final Map<Path, Object> folderLocks = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor helm;
    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private final ServiceMetrics metrics;
    private final java.util.function.Consumer<String> accessLog;
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> routes = new java.util.ArrayList<>();
    private final Javalin app;

    /** A service whose access log goes to this class's java.util.logging logger. */
    public OrchestratorServer(Settings settings, TaskService service) {
        this(settings, service, LOG::info);
    }

    /**
     * @param accessLog where the one line per request goes: method, path, status, time and user;
     *                  never a header, a query, a token or a body
     */
    public OrchestratorServer(Settings settings, TaskService service, java.util.function.Consumer<String> accessLog) {
        this.settings = settings;
        this.service = service;
        this.accessLog = accessLog;
        this.auth = settings.tokens() != null ? new TokenFile(settings.tokens())
                : new KubernetesAuthenticator(service, settings.target());
        this.helm = new ThreadPoolExecutor(settings.maxConcurrentHelm(), settings.maxConcurrentHelm(), 0,
                TimeUnit.MILLISECONDS, settings.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queue()));
        this.metrics = new ServiceMetrics(helm);
        this.app = Javalin.create(config -> {
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.requestLogger.http(this::logged);
            config.routes.before("/api/*", this::admit);
            route(config, "GET", "/healthz", ctx -> ctx.result("ok"));
            route(config, "GET", "/readyz", this::ready);
            route(config, "GET", "/metrics", ctx -> ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape()));
            route(config, "GET", OPENAPI, this::openApi);
            route(config, "POST", TASKS, this::submit);
            route(config, "POST", TASKS + "/{service}/{id}/retry", this::retry);
            route(config, "GET", TASKS + "/{service}/{id}/attempts", this::attempts);
            route(config, "GET", TASKS + "/{service}/{id}/attempts/{attempt}", this::attempt);
            config.routes.exception(ProblemException.class, (e, ctx) -> {
                if (e.retryAfter != null) {
                    ctx.header("Retry-After", Integer.toString(e.retryAfter));
                }
                if (e.wwwAuthenticate != null) {
                    ctx.header("WWW-Authenticate", e.wwwAuthenticate);
                }
                problem(ctx, e.problem);
            });
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx,
                    switch (e.getStatus()) {
                        case 413 -> Problem.of(413, "too-large", "Request too large", "The body is over the "
                                + settings.maxBodyBytes() + "-byte limit; a task's files must fit one 1 MiB ConfigMap anyway.");
                        case 404 -> Problem.of(404, "not-found", "Not found", "No such endpoint: " + ctx.method() + " "
                                + ctx.path() + " (see docs/orchestrator.md).");
                        default -> Problem.of(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
                    }));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(java.util.logging.Level.WARNING, "Unexpected error on " + ctx.path(), e);
                problem(ctx, Problem.of(500, "internal", "Internal error",
                        "The service failed unexpectedly (" + e.getClass().getSimpleName() + "); its log has the details."));
            });
        });
    }

    private void route(io.javalin.config.JavalinConfig config, String method, String path, io.javalin.http.Handler handler) {
        switch (method) {
            case "GET" -> config.routes.get(path, handler);
            case "POST" -> config.routes.post(path, handler);
            default -> throw new IllegalArgumentException(method);
        }
        routes.add(method + " " + path);
    }

    /** Every route as {@code METHOD /path/{param}}: what the OpenAPI description must describe. */
    List<String> routes() {
        return List.copyOf(routes);
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() {
        app.start();
        return app.port();
    }

    /**
     * Stops taking requests (new API calls and {@code /readyz} answer 503), lets running helm finish
     * within {@code grace}, then cancels what is left; a cancelled attempt is recorded as the CLI's
     * Ctrl-C records it, and its ConfigMap says {@code cancelled}. Calls in flight get their answer
     * before the listener closes.
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        helm.shutdown();
        // Submissions still waiting for a slot never start: their callers hear 503 and may send them again.
        List<Runnable> waiting = new java.util.ArrayList<>();
        helm.getQueue().drainTo(waiting);
        waiting.forEach(r -> ((Future<?>) r).cancel(false));
        try {
            if (!helm.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("helm still running after the " + grace.toSeconds() + " s grace period: cancelling "
                        + running.size() + " submission(s)");
                running.forEach(Cancellation::cancel);
                helm.awaitTermination(TaskService.CANCEL_GRACE.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
            }
            // The handlers waiting for those submissions answer now; give them a moment to be sent.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.get() > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        if (auth instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine("Closing the API server connection failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    // ---- handlers ----

    private void ready(Context ctx) {
        if (stopping.get()) {
            problem(ctx, Problem.of(503, "not-ready", "Not ready", "The service is stopping."));
            return;
        }
        try {
            service.checkConnection(settings.target(), Duration.ofSeconds(5));
            service.locateHelm(settings.submit().helmPath());
            ctx.result("ready");
        } catch (TaskConsoleException e) {
            problem(ctx, Problem.of(503, "not-ready", "Not ready", e.oneLine()));
        }
    }

    /** Every {@code /api/} call: counted in flight, refused while stopping, then authenticated. */
    private void admit(Context ctx) {
        if (ctx.path().equals(OPENAPI)) {
            return;
        }
        inFlight.incrementAndGet();
        ctx.attribute("in-flight", true);
        if (stopping.get()) {
            throw new ProblemException(Problem.of(503, "shutting-down", "Shutting down", "The service is stopping; "
                    + "another replica takes the request if you send it again.")).retryAfter(5);
        }
        authenticate(ctx);
    }

    /** The access log's one line, and the counts that depend on how a request was answered. */
    private void logged(Context ctx, Float ms) {
        if (Boolean.TRUE.equals(ctx.attribute("in-flight"))) {
            inFlight.decrementAndGet();
        }
        int status = ctx.status().getCode();
        if (ctx.method() == io.javalin.http.HandlerType.POST && ctx.path().startsWith(TASKS)) {
            metrics.submissionAnswered(status, "true".equals(ctx.res().getHeader("Idempotent-Replayed")));
        }
        accessLog.accept(ctx.method() + " " + ctx.path() + " " + status + " " + Math.round(ms) + "ms"
                + Optional.ofNullable(ctx.<String>attribute("user")).map(u -> " user=" + u).orElse(""));
    }

    private void openApi(Context ctx) throws java.io.IOException {
        try (var in = OrchestratorServer.class.getResourceAsStream("openapi.yaml")) {
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthenticated", auth.whatToSend()))
                    .wwwAuthenticate("Bearer");
        }
        String verb = ctx.method() == io.javalin.http.HandlerType.POST ? Authenticator.CREATE : Authenticator.GET;
        ctx.attribute("user", auth.authorise(header.substring(7).strip(), verb));
    }

    private void submit(Context ctx) {
        JsonNode body = jsonBody(ctx);
        PmTaskRequest request;
        try {
            request = PmTaskRequest.read(body, service);
        } catch (PmTaskRequest.Invalid e) {
            throw new ProblemException(new Problem(400, "invalid-task", "The task is not valid",
                    e.errors.size() == 1 ? e.errors.get(0).detail() : e.errors.size() + " problems; see errors.",
                    e.errors));
        }
        answerOnce(ctx, request.info().service(), request.info().id(), marks -> {
            TaskDraft draft = saveDraft(request);
            return onHelmPool(cancel -> service.as(ctx.attribute("user")).submit(draft,
                    settings.submit(), PromptTemplate.defaultTemplate(), log(draft), cancel, marks));
        });
    }

    private void retry(Context ctx) {
        TaskDraft draft = knownDraft(ctx);
        int attempt = 0;
        if (!ctx.body().isBlank()) {
            JsonNode n = jsonBody(ctx).path("attempt");
            if (!n.isMissingNode() && (!n.isIntegralNumber() || n.asInt() < 1)) {
                throw new ProblemException(new Problem(400, "invalid-retry", "The retry is not valid",
                        "attempt must be an integer of 1 or more, or left out for the latest",
                        List.of(new PmTaskRequest.FieldError("/attempt", "attempt must be an integer of 1 or more"))));
            }
            attempt = n.isMissingNode() ? 0 : n.asInt();
        }
        int wanted = attempt;
        AttemptsOverview known = service.attempts(draft, settings.target(), true);
        if (known.clusterProblem() == null && known.attempts().stream().noneMatch(a -> wanted == 0 || a.number() == wanted)) {
            throw new ProblemException(Problem.of(404, "not-found", wanted == 0 ? "No such task" : "No such attempt",
                    "Task " + draft.info().id() + " of " + draft.info().service() + " has no "
                            + (wanted == 0 ? "attempt" : "attempt " + wanted) + " in namespace "
                            + settings.target().namespace() + " to retry; submit it first."));
        }
        TaskService as = service.as(ctx.attribute("user"));
        RetryPlan plan = as.planRetry(draft, attempt, settings.target(), true);
        answerOnce(ctx, draft.info().service(), draft.info().id(),
                marks -> onHelmPool(cancel -> as.retry(draft, plan, settings.submit(), log(draft), cancel, marks)));
    }

    /**
     * Runs a submission and answers with its outcome; with an {@code Idempotency-Key}, at most once
     * per key: a request with a key already used answers what the first answered (same request) or
     * 422 (another request). The record is on the attempt's ConfigMap (see {@link Idempotency}).
     */
    private void answerOnce(Context ctx, ServiceName task, TaskId id,
                            java.util.function.Function<Map<String, String>, AttemptOutcome> submission) {
        String key = ctx.header(Idempotency.HEADER);
        String user = ctx.attribute("user");
        if (key == null) {
            AttemptOutcome outcome = submission.apply(Map.of());
            Idempotency.Answer answer = answerFor(outcome, user);
            record(outcome, Map.of());
            send(ctx, answer);
            return;
        }
        String keyProblem = Idempotency.problemWith(key);
        if (keyProblem != null) {
            throw new ProblemException(Problem.of(400, "invalid-idempotency-key", "Invalid Idempotency-Key", keyProblem));
        }
        String keyHash = Idempotency.sha256(key);
        String requestHash = Idempotency.requestHash(ctx.method().name(), ctx.path(), ctx.bodyAsBytes());
        var lock = idempotency.lockFor(keyHash);
        lock.lock();
        try {
            Optional<TaskService.MarkedAttempt> first = service.findMarkedAttempt(settings.target(), task, id,
                    Idempotency.KEY, keyHash);
            if (first.isPresent()) {
                replay(ctx, first.get(), requestHash);
                return;
            }
            AttemptOutcome outcome = submission.apply(Map.of(Idempotency.KEY, keyHash, Idempotency.REQUEST, requestHash));
            Idempotency.Answer answer = answerFor(outcome, user);
            record(outcome, Map.of(Idempotency.ANSWER, answer.toJson()));
            send(ctx, answer);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts how the submission ended on its ConfigMap ({@code task-console.io/result}: succeeded,
     * failed or cancelled) with {@code more}, so every replica and a later look at the cluster see it.
     */
    private void record(AttemptOutcome outcome, Map<String, String> more) {
        metrics.helmTook(Duration.ofMillis(outcome.record().durationMillis()));
        Map<String, String> annotations = new LinkedHashMap<>(more);
        annotations.put(RESULT, outcome.record().status().name().toLowerCase(java.util.Locale.ROOT));
        try {
            service.markAttempt(settings.target(), outcome.names(), annotations);
        } catch (TaskConsoleException e) {
            LOG.warning("Could not record how attempt " + outcome.attempt() + " ended on "
                    + outcome.names().configMapName() + ": " + e.oneLine());
        }
    }

    private void replay(Context ctx, TaskService.MarkedAttempt first, String requestHash) {
        if (!requestHash.equals(first.annotations().get(Idempotency.REQUEST))) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used for another request (attempt " + first.attempt() + "); send a new "
                            + "key with a new request, or this request's first body to get its first answer."));
        }
        String recorded = first.annotations().get(Idempotency.ANSWER);
        if (recorded == null) {
            throw new ProblemException(Problem.of(409, "in-progress", "Still being submitted", "The first request "
                    + "with this Idempotency-Key took attempt " + first.attempt() + " and has not answered yet; send "
                    + "it again shortly for its answer.")).retryAfter(5);
        }
        ctx.header("Idempotent-Replayed", "true");
        send(ctx, Idempotency.Answer.fromJson(recorded));
    }

    private void attempts(Context ctx) {
        TaskDraft draft = knownDraft(ctx);
        AttemptsOverview overview = service.attempts(draft, settings.target(), true);
        if (overview.clusterProblem() != null) {
            throw new ProblemException(Problem.of(502, "cluster", "The cluster could not be asked",
                    overview.clusterProblem()));
        }
        if (overview.attempts().isEmpty()) {
            throw new ProblemException(Problem.of(404, "not-found", "No such task", "Task " + draft.info().id()
                    + " of " + draft.info().service() + " has no attempts in namespace " + settings.target().namespace()));
        }
        json(ctx, 200, Map.of("task_id", draft.info().id().value(), "service", draft.info().service().value(),
                "attempts", overview.attempts().stream().map(a -> attemptJson(draft, a)).toList()));
    }

    private void attempt(Context ctx) {
        TaskDraft draft = knownDraft(ctx);
        int number = parseNumber(ctx.pathParam("attempt"), "attempt");
        AttemptSummary found = service.attempts(draft, settings.target(), true).attempts().stream()
                .filter(a -> a.number() == number).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "No such attempt",
                        "Task " + draft.info().id() + " has no attempt " + number + " in namespace "
                                + settings.target().namespace())));
        json(ctx, 200, attemptJson(draft, found));
    }

    // ---- helpers ----

    private JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!JSON_TYPES.contains(type)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the task as JSON with 'Content-Type: application/json' (got '" + type + "')."));
        }
        try {
            return JSON.readTree(ctx.body());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + "."));
        }
    }

    /** The task's folder in the data dir, its files replaced by the request's: the drafts a submit sends. */
    private TaskDraft saveDraft(PmTaskRequest request) {
        Path folder = folderOf(request.info().service(), request.info().id());
        TaskDraft draft = new TaskDraft(folder, request.info(), request.files());
        // Concurrent requests for one task share its folder: each loads back the files it saved.
        synchronized (folderLocks.computeIfAbsent(folder, f -> new Object())) {
            return saveAndLoad(folder, draft);
        }
    }

    private static TaskDraft saveAndLoad(Path folder, TaskDraft draft) {
        try {
            Files.createDirectories(folder);
            try (var old = Files.list(folder)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".md")).toList()) {
                    if (draft.file(file.getFileName().toString()).isEmpty()) {
                        Files.delete(file);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw TaskConsoleException.failed("Cannot write the task's files in " + folder + ": " + e.getMessage(),
                    "Check the service's data folder (--data-dir) has free space.", e);
        }
        TaskFolder.save(draft);
        return TaskFolder.load(folder);
    }

    /** The task of the path; its folder here if this replica has it, else its names alone (the cluster has the rest). */
    private TaskDraft knownDraft(Context ctx) {
        ServiceName service;
        try {
            service = ServiceName.parse(ctx.pathParam("service"));
        } catch (TaskConsoleException e) {
            throw new ProblemException(Problem.of(404, "not-found", "No such task", e.oneLine()));
        }
        TaskId id = new TaskId(parseNumber(ctx.pathParam("id"), "task id"));
        Path folder = folderOf(service, id);
        if (Files.isRegularFile(folder.resolve(TaskFolder.TASK_YAML))) {
            return TaskFolder.load(folder);
        }
        return new TaskDraft(folder, new TaskInfo(id, service, "", null, null), List.<TaskFile>of());
    }

    private Path folderOf(ServiceName service, TaskId id) {
        return settings.dataDir().resolve(service.value()).resolve(id.toString());
    }

    private static int parseNumber(String text, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.of(404, "not-found", "Not found", "'" + text + "' is not a " + what + "."));
    }

    @FunctionalInterface
    private interface Submission {
        AttemptOutcome run(Cancellation cancel);
    }

    /** Runs a submission on the bounded helm pool and waits for it; a full queue is a 503. */
    private AttemptOutcome onHelmPool(Submission submission) {
        Cancellation cancel = new Cancellation();
        Future<AttemptOutcome> future;
        try {
            future = helm.submit(() -> {
                running.add(cancel);
                try {
                    return submission.run(cancel);
                } finally {
                    running.remove(cancel);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProblemException(Problem.of(503, "busy", "Busy", "helm is already running for "
                    + settings.maxConcurrentHelm() + " submissions with " + settings.queue()
                    + " waiting; try again shortly.")).retryAfter(10);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            throw new ProblemException(Problem.of(503, "shutting-down", "Shutting down", "The service is stopping."));
        } catch (java.util.concurrent.CancellationException e) {
            throw new ProblemException(Problem.of(503, "shutting-down", "Shutting down", "The service stopped "
                    + "before helm could start for this submission; nothing was created. Send it again.")).retryAfter(5);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof TaskConsoleException tce) {
                throw tceProblem(tce);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ProblemException tceProblem(TaskConsoleException e) {
        return switch (e.kind()) {
            case BAD_INPUT -> new ProblemException(Problem.of(400, "invalid-task", "The task is not valid", e.oneLine()));
            case CANCELLED -> new ProblemException(Problem.of(503, "cancelled", "Cancelled", e.oneLine()));
            default -> new ProblemException(Problem.of(502, "cluster", "The cluster or helm failed", e.oneLine()));
        };
    }

    /** The answer an ended submission gets: 201 with the attempt, or the problem with its ConfigMap kept. */
    private static Idempotency.Answer answerFor(AttemptOutcome outcome, String user) {
        if (!outcome.succeeded()) {
            ProblemException p = tceProblem(outcome.error());
            Problem problem = new Problem(p.problem.status() == 400 ? 502 : p.problem.status(),
                    p.problem.type(), p.problem.title(), outcome.describe() + " Its ConfigMap "
                    + outcome.names().configMapName() + " stays; a retry takes the next number.", List.of());
            return new Idempotency.Answer(problem.status(), Problem.CONTENT_TYPE, null,
                    JSON.writeValueAsString(problem.body()));
        }
        String location = TASKS + "/" + outcome.names().service() + "/" + outcome.names().taskId() + "/attempts/"
                + outcome.attempt();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("task_id", outcome.names().taskId().value());
        body.put("service", outcome.names().service().value());
        body.put("attempt", outcome.attempt());
        body.put("namespace", outcome.record().namespace());
        body.put("config_map", outcome.names().configMapName());
        body.put("release", outcome.names().releaseName());
        body.put("job", outcome.names().jobName());
        body.put("submitted_by", user);
        body.put("message", outcome.describe());
        return new Idempotency.Answer(201, "application/json", location, JSON.writeValueAsString(body));
    }

    private static void send(Context ctx, Idempotency.Answer answer) {
        if (answer.location() != null) {
            ctx.header("Location", answer.location());
        }
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }

    private Map<String, Object> attemptJson(TaskDraft draft, AttemptSummary a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attempt", a.number());
        out.put("submitted_at", a.submittedAt() == null ? null : a.submittedAt().toString());
        out.put("context", a.context());
        out.put("namespace", a.namespace());
        out.put("release", a.release());
        out.put("helm_status", a.helmStatus());
        out.put("job", a.job().name().toLowerCase(java.util.Locale.ROOT));
        // What the attempt sent, so a client can tell two attempts' files apart without their content.
        try {
            List<Map<String, Object>> files = new java.util.ArrayList<>();
            service.attemptFiles(draft, settings.target(), a.number()).forEach((name, bytes) -> files.add(
                    Map.of("name", name, "size", bytes.length, "sha256", sha256(bytes))));
            out.put("files", files);
        } catch (TaskConsoleException e) {
            out.put("files", null);
            out.put("files_problem", e.oneLine());
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private OutputListener log(TaskDraft draft) {
        String task = draft.info().service() + "/" + draft.info().id();
        return (stream, line) -> LOG.fine(task + " [" + stream + "] " + line);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(JSON.writeValueAsString(problem.body()));
    }

    /** An answer other than success, with its problem body. */
    static final class ProblemException extends RuntimeException {
        final Problem problem;
        Integer retryAfter;
        String wwwAuthenticate;

        ProblemException(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        ProblemException retryAfter(int seconds) {
            this.retryAfter = seconds;
            return this;
        }

        ProblemException wwwAuthenticate(String challenge) {
            this.wwwAuthenticate = challenge;
            return this;
        }
    }
}
