package io.taskconsole.testkube;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes {@code Status} bodies for error answers: helm, kubectl and fabric8 read the
 * {@code reason} and {@code message} from them, so a 403 reads as "forbidden" and a 404 as
 * "not found" the way a real API server words it.
 */
final class StatusBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatusBodies() {
    }

    static String failure(int code, String message, ApiRequest request) {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reasonOf(code));
        if (request != null && request.isResource()) {
            ObjectNode details = status.putObject("details");
            if (request.name() != null) {
                details.put("name", request.name());
            }
            if (request.apiGroup() != null && !request.apiGroup().isEmpty()) {
                details.put("group", request.apiGroup());
            }
            details.put("kind", request.resource());
        }
        status.put("code", code);
        return JSON.writeValueAsString(status);
    }

    static String reasonOf(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "AlreadyExists";
            case 410 -> "Expired";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "Unknown";
        };
    }

    /** The message a real API server gives for a verb RBAC refused. */
    static String forbiddenMessage(ApiRequest request, String user) {
        if (!request.isResource()) {
            return "forbidden: User \"" + user + "\" cannot " + request.verb() + " path \"" + request.path() + "\"";
        }
        String resource = request.resource() + (request.subresource() == null ? "" : "/" + request.subresource());
        String group = request.apiGroup() == null ? "" : request.apiGroup();
        String what = resource + (request.name() == null ? "" : " \"" + request.name() + "\"") + " is forbidden";
        String scope = request.namespace() != null && !request.resource().equals("namespaces")
                ? " in the namespace \"" + request.namespace() + "\""
                : " at the cluster scope";
        return what + ": User \"" + user + "\" cannot " + request.verb() + " resource \"" + resource
                + "\" in API group \"" + group + "\"" + scope;
    }
}
