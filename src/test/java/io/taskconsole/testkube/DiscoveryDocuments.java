package io.taskconsole.testkube;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The non-resource documents helm and kubectl read before they touch any object: the version,
 * legacy (non-aggregated) discovery of every group in the {@link ApiResourceCatalog}, and an
 * empty OpenAPI v2 document.
 *
 * <p>Aggregated discovery ({@code Accept: ...;as=APIGroupDiscoveryList}) is answered with the
 * legacy documents and a plain {@code application/json} content type; client-go then falls back
 * to legacy discovery by itself. OpenAPI v3 answers 404, which makes clients use v2; the empty v2
 * document means client-side schema validation has no schema and accepts every manifest.
 */
final class DiscoveryDocuments {

    static final String OPENAPI_V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiResourceCatalog catalog;

    DiscoveryDocuments(ApiResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The JSON document for a discovery path, or empty if the path is none of them. */
    Optional<String> documentFor(String path, String serverAddress) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/version")) {
            return Optional.of(version());
        }
        if (p.equals("/api")) {
            return Optional.of(apiVersions(serverAddress));
        }
        if (p.equals("/apis")) {
            return Optional.of(groupList());
        }
        if (p.equals("/")) {
            return Optional.of(rootPaths());
        }
        String[] parts = p.substring(1).split("/");
        Map<String, List<String>> groups = catalog.groups();
        if (parts.length == 2 && parts[0].equals("api") && groups.get("").contains(parts[1])) {
            return Optional.of(resourceList("", parts[1]));
        }
        if (parts[0].equals("apis") && parts.length == 2 && groups.containsKey(parts[1]) && !parts[1].isEmpty()) {
            return Optional.of(JSON.writeValueAsString(group(parts[1], groups.get(parts[1]), true)));
        }
        if (parts[0].equals("apis") && parts.length == 3 && !parts[1].isEmpty()
                && groups.getOrDefault(parts[1], List.of()).contains(parts[2])) {
            return Optional.of(resourceList(parts[1], parts[2]));
        }
        return Optional.empty();
    }

    private String version() {
        ObjectNode version = JSON.createObjectNode();
        version.put("major", "1");
        version.put("minor", "33");
        version.put("gitVersion", "v1.33.0");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2025-04-23T00:00:00Z");
        version.put("goVersion", "go1.24.2");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return JSON.writeValueAsString(version);
    }

    private String apiVersions(String serverAddress) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("kind", "APIVersions");
        ArrayNode versions = doc.putArray("versions");
        catalog.groups().get("").forEach(versions::add);
        ObjectNode address = doc.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", serverAddress);
        return JSON.writeValueAsString(doc);
    }

    private String groupList() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("kind", "APIGroupList");
        doc.put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        catalog.groups().forEach((name, versions) -> {
            if (!name.isEmpty()) {
                groups.add(group(name, versions, false));
            }
        });
        return JSON.writeValueAsString(doc);
    }

    private ObjectNode group(String name, List<String> versions, boolean standalone) {
        ObjectNode group = JSON.createObjectNode();
        if (standalone) {
            group.put("kind", "APIGroup");
            group.put("apiVersion", "v1");
        }
        group.put("name", name);
        ArrayNode list = group.putArray("versions");
        for (String version : versions) {
            ObjectNode v = list.addObject();
            v.put("groupVersion", name + "/" + version);
            v.put("version", version);
        }
        ObjectNode preferred = group.putObject("preferredVersion");
        preferred.put("groupVersion", name + "/" + versions.get(0));
        preferred.put("version", versions.get(0));
        return group;
    }

    private String resourceList(String groupName, String version) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("kind", "APIResourceList");
        doc.put("apiVersion", "v1");
        doc.put("groupVersion", groupName.isEmpty() ? version : groupName + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ApiResourceType type : catalog.inGroupVersion(groupName, version)) {
            ObjectNode r = resources.addObject();
            r.put("name", type.resource());
            r.put("singularName", type.singular());
            r.put("namespaced", type.namespaced());
            r.put("kind", type.kind());
            ArrayNode verbs = r.putArray("verbs");
            type.verbs().forEach(verbs::add);
            if (!type.shortNames().isEmpty()) {
                ArrayNode shortNames = r.putArray("shortNames");
                type.shortNames().forEach(shortNames::add);
            }
            for (String sub : type.subresources()) {
                ObjectNode s = resources.addObject();
                s.put("name", type.resource() + "/" + sub);
                s.put("singularName", "");
                s.put("namespaced", type.namespaced());
                s.put("kind", type.kind());
                ArrayNode subVerbs = s.putArray("verbs");
                List<String> verbsOfSub = switch (sub) {
                    case "log" -> List.of("get");
                    case "token" -> List.of("create");
                    default -> List.of("get", "patch", "update");
                };
                verbsOfSub.forEach(subVerbs::add);
            }
        }
        return JSON.writeValueAsString(doc);
    }

    private String rootPaths() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode paths = doc.putArray("paths");
        paths.add("/api");
        paths.add("/api/v1");
        paths.add("/apis");
        catalog.groups().forEach((name, versions) -> {
            if (!name.isEmpty()) {
                paths.add("/apis/" + name);
                versions.forEach(v -> paths.add("/apis/" + name + "/" + v));
            }
        });
        paths.add("/openapi/v2");
        paths.add("/version");
        return JSON.writeValueAsString(doc);
    }
}
