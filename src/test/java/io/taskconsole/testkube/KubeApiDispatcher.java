package io.taskconsole.testkube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The front of the test API server: everything a real API server does that fabric8's CRUD
 * dispatcher does not, before and after handing a request to it.
 *
 * <p>In order: check the bearer token, record the call, apply fault rules, answer discovery and
 * OpenAPI, refuse kinds discovery does not announce, turn protobuf bodies into JSON, run
 * strategic-merge and apply patches as a merged update, answer access reviews from the fault
 * rules; afterwards give list answers their real list kind, error answers a Status body, and
 * every JSON answer its {@code Content-Type}.
 */
final class KubeApiDispatcher extends Dispatcher {

    static final String USER = "testkube-user";

    private static final String JSON_TYPE = "application/json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final KubernetesCrudDispatcher crud;
    private final ApiResourceCatalog catalog;
    private final DiscoveryDocuments discovery;
    private final String token;
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final Reviews reviews = new Reviews();
    private final List<HeldRequests> holds = new CopyOnWriteArrayList<>();
    private final PodLogs podLogs = new PodLogs();
    private final OpenWatches watches = new OpenWatches();
    private volatile java.time.Duration latency;

    KubeApiDispatcher(KubernetesCrudDispatcher crud, ApiResourceCatalog catalog, String token) {
        this.crud = crud;
        this.catalog = catalog;
        this.discovery = new DiscoveryDocuments(catalog);
        this.token = token;
    }

    List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    void clearCalls() {
        calls.clear();
    }

    ActiveFault addFault(FaultRule rule) {
        faults.add(rule);
        return () -> faults.remove(rule);
    }

    void clearFaults() {
        faults.clear();
    }

    Reviews reviews() {
        return reviews;
    }

    HeldRequests addHold(FaultRule rule, int letThrough) {
        return new HeldRequests(rule, letThrough, hold -> {
            holds.add(hold);
            return () -> holds.remove(hold);
        });
    }

    OpenWatches watches() {
        return watches;
    }

    PodLogs podLogs() {
        return podLogs;
    }

    void latency(java.time.Duration latency) {
        this.latency = latency.isZero() ? null : latency;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        ApiRequest api = ApiRequest.parse(request.getMethod(), request.getPath());
        // Outside the synchronized answer: a held request must not stop the others.
        holds.stream().filter(h -> h.matches(api)).findFirst().ifPresent(HeldRequests::hold);
        MockResponse response;
        try {
            response = answer(request, api);
        } catch (RuntimeException e) {
            response = status(500, "test API server failed on " + api.method() + " " + api.path() + ": " + e, api);
        }
        java.time.Duration delay = latency;
        if (delay != null && response.getWebSocketListener() == null && response.getBodyDelay() == null) {
            // On the server's timer, not this thread: the other requests go on meanwhile.
            response.setBodyDelay(delay);
        }
        int code = response.getWebSocketListener() != null ? 101 : response.code();
        calls.add(new ApiCall(api.verb(), api.apiGroup(), api.resource(), api.subresource(), api.namespace(),
                api.name(), api.path(), request.getHeader("User-Agent"), code));
        return response;
    }

    private synchronized MockResponse answer(RecordedRequest request, ApiRequest api) {
        Optional<MockResponse> refusal = refusal(request, api);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!api.isResource()) {
            return nonResource(api, request.getHeader("Host"));
        }
        Optional<ApiResourceType> type = catalog.find(api.apiGroup(), api.apiVersion(), api.resource());
        if (type.isEmpty()) {
            return status(404, "the server could not find the requested resource", api);
        }
        if (api.resource().equals("pods") && "log".equals(api.subresource()) && api.verb().equals("get")) {
            return podLog(api);
        }
        if (api.verb().equals("watch") && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            return status(405, "the test API server serves watches only over WebSocket (as fabric8 asks for them), "
                    + "not as an HTTP stream: " + api.path(), api);
        }
        Optional<String> body;
        try {
            body = jsonBody(request, api);
        } catch (IllegalArgumentException e) {
            return status(400, "the test API server cannot read this protobuf body: " + e.getMessage(), api);
        }
        if (body.isEmpty()) {
            return status(415, "the test API server cannot decode this protobuf body ("
                    + KubeProtobufDecoder.typeOf(request.getBody().getBytes()) + "); it reads "
                    + KubeProtobufDecoder.supportedKinds(), api);
        }
        return resource(request, api, type.get(), body.get());
    }

    /** A wrong token (401) or a matching fault rule; empty if the request may go on. */
    private Optional<MockResponse> refusal(RecordedRequest request, ApiRequest api) {
        if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
            return Optional.of(status(401, "Unauthorized", api));
        }
        return faults.stream()
                .filter(fault -> fault.matches(api))
                .findFirst()
                .map(fault -> status(fault.status(), fault.messageFor(api, USER), api));
    }

    private MockResponse resource(RecordedRequest request, ApiRequest api, ApiResourceType type, String body) {
        if (api.verb().equals("create") && type.namespaced() && !namespaceExists(api.namespace())) {
            return status(404, "namespaces \"" + api.namespace() + "\" not found", api);
        }
        if (type.resource().equals("selfsubjectaccessreviews")) {
            return accessReview(body);
        }
        if (type.resource().equals("tokenreviews")) {
            return json(201, JSON.writeValueAsString(reviews.tokenReview((ObjectNode) parse(body))));
        }
        if (type.resource().equals("subjectaccessreviews")) {
            return json(201, JSON.writeValueAsString(reviews.subjectAccessReview((ObjectNode) parse(body))));
        }
        if (api.verb().equals("patch")) {
            String contentType = contentType(request);
            if (contentType.startsWith("application/strategic-merge-patch+json")) {
                return mergedUpdate(request, api, type, parse(body), false);
            }
            if (contentType.startsWith("application/apply-patch+yaml")) {
                return mergedUpdate(request, api, type, parseYaml(body), true);
            }
        }
        if (isDryRun(api) && !api.verb().equals("get") && !api.verb().equals("list")) {
            return dryRun(api, type, body);
        }
        MockResponse response = crud.dispatch(withJsonBody(request, api.method(), request.getPath(), body));
        return finish(response, api, type);
    }

    /**
     * A container's log, refused the way the API server refuses it: no such pod, no container named
     * where the pod has several, a container the pod does not have, one that has not started yet.
     */
    private MockResponse podLog(ApiRequest api) {
        MockResponse stored = crud.handleGet("/api/v1/namespaces/" + api.namespace() + "/pods/" + api.name());
        if (stored.code() == 404) {
            return status(404, "pods \"" + api.name() + "\" not found", api);
        }
        JsonNode pod = parse(stored.getBody().readUtf8());
        List<String> containers = names(pod.path("spec").path("containers"));
        List<String> initContainers = names(pod.path("spec").path("initContainers"));
        String container = api.query().get("container");
        if (container == null || container.isEmpty()) {
            if (containers.size() != 1) {
                return status(400, "a container name must be specified for pod " + api.name() + ", choose one of: "
                        + containers + " or one of the init containers: " + initContainers, api);
            }
            container = containers.get(0);
        }
        if (!containers.contains(container) && !initContainers.contains(container)) {
            return status(400, "container " + container + " is not valid for pod " + api.name(), api);
        }
        if (!podLogs.has(api.namespace(), api.name(), container)) {
            for (String list : List.of("initContainerStatuses", "containerStatuses")) {
                for (JsonNode s : pod.path("status").path(list)) {
                    JsonNode waiting = s.path("state").path("waiting");
                    if (s.path("name").asString("").equals(container) && waiting.isObject()) {
                        return status(400, "container \"" + container + "\" in pod \"" + api.name()
                                + "\" is waiting to start: " + waiting.path("reason").asString("ContainerCreating"), api);
                    }
                }
            }
        }
        byte[] body = podLogs.body(api.namespace(), api.name(), container, api.query());
        MockResponse response = new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                .setBody(body);
        // A follow with nothing new would have the client ask again at once; a real one would wait.
        return "true".equals(api.query().get("follow")) && body.length == 0
                ? response.setBodyDelay(java.time.Duration.ofMillis(100)) : response;
    }

    private static List<String> names(JsonNode containers) {
        List<String> names = new java.util.ArrayList<>();
        containers.forEach(c -> names.add(c.path("name").asString("")));
        return names;
    }

    private MockResponse nonResource(ApiRequest api, String host) {
        String path = api.path();
        if (path.equals("/openapi/v2")) {
            return new MockResponse().setResponseCode(200)
                    .setHeader("Content-Type", DiscoveryDocuments.OPENAPI_V2_PROTOBUF).setBody(new byte[0]);
        }
        if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
        }
        return discovery.documentFor(path, host == null ? "127.0.0.1" : host)
                .map(doc -> json(200, doc))
                .orElseGet(() -> status(404, "the server could not find the requested resource", api));
    }

    /**
     * A strategic-merge patch or server-side apply: merged here against the stored object and
     * stored as an update; an apply of an object that does not exist yet creates it.
     */
    private MockResponse mergedUpdate(RecordedRequest request, ApiRequest api, ApiResourceType type,
            JsonNode patch, boolean createIfMissing) {
        if (!patch.isObject()) {
            return status(400, "patch body must be a JSON object", api);
        }
        MockResponse current = crud.handleGet(api.path());
        if (current.code() == 404) {
            if (!createIfMissing) {
                return status(404, api.resource() + " \"" + api.name() + "\" not found", api);
            }
            ObjectNode created = ((ObjectNode) patch).deepCopy();
            if (isDryRun(api)) {
                return json(201, JSON.writeValueAsString(created));
            }
            MockResponse response = crud.dispatch(withJsonBody(request, "POST", api.collectionPath(),
                    JSON.writeValueAsString(created)));
            return finish(response, api, type);
        }
        ObjectNode stored = (ObjectNode) parse(current.getBody().readUtf8());
        ObjectNode merged = StrategicMergePatch.apply(stored, (ObjectNode) patch);
        ObjectNode metadata = merged.has("metadata") && merged.get("metadata").isObject()
                ? (ObjectNode) merged.get("metadata") : merged.putObject("metadata");
        JsonNode storedMetadata = stored.path("metadata");
        for (String kept : List.of("resourceVersion", "uid", "creationTimestamp", "name", "namespace")) {
            if (storedMetadata.has(kept)) {
                metadata.set(kept, storedMetadata.get(kept));
            }
        }
        if (isDryRun(api)) {
            return json(200, JSON.writeValueAsString(merged));
        }
        MockResponse response = crud.dispatch(withJsonBody(request, "PUT", api.path(),
                JSON.writeValueAsString(merged)));
        return finish(response, api, type);
    }

    private MockResponse dryRun(ApiRequest api, ApiResourceType type, String body) {
        return switch (api.verb()) {
            case "create" -> json(201, body.isEmpty() ? "{}" : body);
            case "update" -> json(200, body.isEmpty() ? "{}" : body);
            default -> finish(crud.handleGet(api.path()), api, type);
        };
    }

    /** {@code kubectl auth can-i}: allowed unless a 403 fault rule matches the question. */
    private MockResponse accessReview(String body) {
        ObjectNode review = (ObjectNode) parse(body);
        JsonNode attributes = review.path("spec").path("resourceAttributes");
        boolean denied = false;
        if (attributes.isObject()) {
            String verb = attributes.path("verb").asString("");
            String resource = attributes.path("resource").asString("");
            String subresource = attributes.path("subresource").asString("");
            String namespace = attributes.path("namespace").asString("");
            String name = attributes.path("name").asString("");
            denied = faults.stream().anyMatch(f -> f.isForbidden() && f.matches(verb, resource, subresource,
                    namespace.isEmpty() ? null : namespace, name.isEmpty() ? null : name));
        }
        review.put("apiVersion", "authorization.k8s.io/v1");
        review.put("kind", "SelfSubjectAccessReview");
        ObjectNode status = review.putObject("status");
        status.put("allowed", !denied);
        if (denied) {
            status.put("denied", true);
            status.put("reason", "a fault rule of the test API server forbids it");
        }
        return json(201, JSON.writeValueAsString(review));
    }

    private MockResponse finish(MockResponse response, ApiRequest api, ApiResourceType type) {
        if (response == null) {
            return status(405, "method " + api.method() + " is not supported here", api);
        }
        if (response.getWebSocketListener() != null) {
            return response.withWebSocketUpgrade(watches.track(response.getWebSocketListener(), api));
        }
        int code = response.code();
        String body = response.getBody() == null ? "" : response.getBody().readUtf8();
        if (code >= 400) {
            return isStatus(body) ? json(code, withReasonOfCode(code, body)) : status(code, errorMessage(code, api), api);
        }
        if (api.verb().equals("list") && !body.isEmpty()) {
            JsonNode list = parse(body);
            if (list.isObject() && "List".equals(list.path("kind").asString(""))) {
                ((ObjectNode) list).put("kind", type.listKind());
                ((ObjectNode) list).put("apiVersion", type.groupVersion());
                body = JSON.writeValueAsString(list);
            }
        }
        if (api.verb().equals("delete") && body.isEmpty()) {
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\"}";
        }
        return json(api.verb().equals("create") && code == 200 ? 201 : code, body);
    }

    /**
     * The mock words an optimistic-locking failure as reason {@code Invalid}; client-go's
     * {@code IsConflict} (and so helm's retries) wants {@code Conflict}.
     */
    private static String withReasonOfCode(int code, String statusBody) {
        if (code != 409) {
            return statusBody;
        }
        ObjectNode status = (ObjectNode) parse(statusBody);
        boolean exists = status.path("message").asString("").contains("already exists");
        status.put("reason", exists ? "AlreadyExists" : "Conflict");
        return JSON.writeValueAsString(status);
    }

    private static String errorMessage(int code, ApiRequest api) {
        String what = api.resource() + (api.name() == null ? "" : " \"" + api.name() + "\"");
        return switch (code) {
            case 404 -> what + " not found";
            case 409 -> what + " already exists";
            case 422 -> what + " is invalid";
            case 415 -> "the test API server does not support this content type for " + api.verb();
            default -> what + ": HTTP " + code;
        };
    }

    private boolean namespaceExists(String namespace) {
        return namespace == null || crud.handleGet("/api/v1/namespaces/" + namespace).code() == 200;
    }

    private static boolean isDryRun(ApiRequest api) {
        return api.query().containsKey("dryRun");
    }

    private static boolean isStatus(String body) {
        try {
            return "Status".equals(parse(body).path("kind").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean hasBody(RecordedRequest request) {
        return request.getBody() != null && request.getBody().size() > 0;
    }

    private static String contentType(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        return contentType == null ? "" : contentType.strip().toLowerCase();
    }

    /** The body as JSON text: protobuf decoded, anything else as sent; empty if undecodable. */
    private static Optional<String> jsonBody(RecordedRequest request, ApiRequest api) {
        if (!hasBody(request)) {
            return Optional.of("");
        }
        byte[] bytes = request.getBody().getBytes();
        if (KubeProtobufDecoder.isProtobuf(request.getHeader("Content-Type"))) {
            if (api.verb().startsWith("delete")) {
                return Optional.of("");
            }
            return KubeProtobufDecoder.toJson(bytes).map(JSON::writeValueAsString);
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static RecordedRequest withJsonBody(RecordedRequest original, String method, String path, String body) {
        Headers.Builder headers = original.getHeaders().newBuilder();
        if (KubeProtobufDecoder.isProtobuf(original.getHeader("Content-Type"))) {
            headers.set("Content-Type", JSON_TYPE);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Length", Integer.toString(bytes.length));
        return new RecordedRequest(original.getHttpVersion(), HttpMethod.valueOf(method), path, headers.build(), new Buffer(bytes));
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json.isBlank() ? "{}" : json);
    }

    private static JsonNode parseYaml(String yaml) {
        return YAML.readTree(yaml.isBlank() ? "{}" : yaml);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", JSON_TYPE).setBody(body);
    }

    private static MockResponse status(int code, String message, ApiRequest api) {
        return json(code, StatusBodies.failure(code, message, api));
    }
}
