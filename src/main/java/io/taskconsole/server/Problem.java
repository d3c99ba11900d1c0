package io.taskconsole.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer as RFC 9457 {@code application/problem+json}: a type, a title, the status and one
 * sentence of detail (what and how to fix it), plus {@code errors} with a JSON pointer each where a
 * request had several problems. Never an empty 500.
 */
record Problem(int status, String type, String title, String detail, List<PmTaskRequest.FieldError> errors) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPES = "https://github.com/task-console/task-console/blob/main/docs/orchestrator.md#";

    static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, List.of());
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPES + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("pointer", e.pointer(), "detail", e.detail())).toList());
        }
        return body;
    }
}
