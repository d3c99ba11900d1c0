package io.taskconsole.testkube;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to the test API server, read the way the Kubernetes API server reads it:
 * which RBAC verb it is, on which API group, resource, namespace and object name.
 *
 * <p>{@code resource} is {@code null} for non-resource paths ({@code /version}, {@code /api},
 * {@code /openapi/v2}); then {@code verb} is the lower-case HTTP method, as RBAC's
 * {@code nonResourceURLs} rules see it.
 */
record ApiRequest(
        String method,
        String verb,
        String path,
        Map<String, String> query,
        String apiGroup,
        String apiVersion,
        String namespace,
        String resource,
        String name,
        String subresource) {

    static ApiRequest parse(String method, String rawPath) {
        URI uri = URI.create(rawPath);
        String path = uri.getRawPath();
        Map<String, String> query = parseQuery(uri.getRawQuery());
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        int next;
        String group;
        String version;
        if (parts.length >= 2 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            next = 2;
        } else if (parts.length >= 3 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            next = 3;
        } else {
            return nonResource(method, path, query);
        }
        if (next == parts.length) {
            return new ApiRequest(method, method.toLowerCase(), path, query, group, version, null, null, null, null);
        }
        String namespace = null;
        if (parts[next].equals("namespaces") && parts.length > next + 2) {
            namespace = decode(parts[next + 1]);
            next += 2;
        }
        String resource = parts[next];
        String name = parts.length > next + 1 ? decode(parts[next + 1]) : null;
        String subresource = parts.length > next + 2 ? parts[next + 2] : null;
        if (namespace == null && resource.equals("namespaces") && name != null) {
            namespace = name;
        }
        String verb = verbOf(method, name != null, "true".equals(query.get("watch")));
        return new ApiRequest(method, verb, path, query, group, version, namespace, resource, name, subresource);
    }

    private static ApiRequest nonResource(String method, String path, Map<String, String> query) {
        return new ApiRequest(method, method.toLowerCase(), path, query, null, null, null, null, null, null);
    }

    private static String verbOf(String method, boolean named, boolean watch) {
        return switch (method.toUpperCase()) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.put(key, value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    boolean isResource() {
        return resource != null;
    }

    /** The path of the collection this request's object lives in, for creating it there. */
    String collectionPath() {
        String prefix = apiGroup.isEmpty() ? "/api/" + apiVersion : "/apis/" + apiGroup + "/" + apiVersion;
        if (resource.equals("namespaces")) {
            return prefix + "/namespaces";
        }
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + resource;
    }

    String groupVersion() {
        return apiGroup == null || apiGroup.isEmpty() ? apiVersion : apiGroup + "/" + apiVersion;
    }
}
