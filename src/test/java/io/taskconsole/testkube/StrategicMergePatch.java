package io.taskconsole.testkube;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approximation of Kubernetes' strategic merge patch, good for what helm's three-way upgrade
 * patches and {@code kubectl apply} send for ConfigMaps, Secrets, ServiceAccounts and Jobs.
 *
 * <p>Without the Go structs' patch tags it guesses: objects merge key by key ({@code null}
 * deletes); a list of objects whose patch elements all carry one of the usual merge keys
 * ({@code name}, {@code containerPort}, {@code mountPath}, ...) merges element by element on that
 * key, honouring {@code $patch: delete} and {@code $patch: replace}; every other list is
 * replaced whole. {@code $setElementOrder/...} and {@code $retainKeys} are dropped,
 * {@code $deleteFromPrimitiveList/...} is applied. Server-side apply is approximated by the same
 * merge, without field managers or conflicts.
 */
final class StrategicMergePatch {

    private static final List<String> MERGE_KEYS =
            List.of("name", "containerPort", "mountPath", "devicePath", "ip", "topologyKey", "type", "port");
    private static final String DIRECTIVE = "$patch";
    private static final String SET_ORDER = "$setElementOrder/";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    private static final String RETAIN_KEYS = "$retainKeys";

    private StrategicMergePatch() {
    }

    /** Applies {@code patch} to a copy of {@code target} and returns the result. */
    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        JsonNode merged = mergeObject(target.deepCopy(), patch);
        return merged == null ? target.objectNode() : (ObjectNode) merged;
    }

    private static JsonNode mergeObject(ObjectNode target, ObjectNode patch) {
        String directive = patch.path(DIRECTIVE).asString("");
        if (directive.equals("delete")) {
            return null;
        }
        if (directive.equals("replace")) {
            return withoutDirectives(patch);
        }
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals(DIRECTIVE) || key.equals(RETAIN_KEYS) || key.startsWith(SET_ORDER)) {
                continue;
            }
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                removePrimitives(target, key.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
                continue;
            }
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                JsonNode merged = mergeObject((ObjectNode) current, (ObjectNode) value);
                if (merged == null) {
                    target.remove(key);
                } else {
                    target.set(key, merged);
                }
            } else if (value.isArray() && current != null && current.isArray()) {
                target.set(key, mergeList((ArrayNode) current, (ArrayNode) value));
            } else {
                target.set(key, withoutDirectives(value));
            }
        }
        return target;
    }

    private static JsonNode mergeList(ArrayNode target, ArrayNode patch) {
        List<JsonNode> elements = new ArrayList<>();
        patch.forEach(elements::add);
        boolean replaceWhole = elements.stream()
                .anyMatch(e -> e.isObject() && e.path(DIRECTIVE).asString("").equals("replace") && e.size() == 1);
        if (replaceWhole) {
            ArrayNode replaced = patch.arrayNode();
            elements.stream()
                    .filter(e -> !(e.isObject() && e.has(DIRECTIVE) && e.size() == 1))
                    .forEach(e -> replaced.add(withoutDirectives(e)));
            return replaced;
        }
        String mergeKey = mergeKeyOf(elements);
        if (mergeKey == null) {
            return withoutDirectives(patch);
        }
        ArrayNode result = target.deepCopy();
        for (JsonNode element : elements) {
            JsonNode keyValue = element.get(mergeKey);
            int index = indexOf(result, mergeKey, keyValue);
            boolean delete = element.path(DIRECTIVE).asString("").equals("delete");
            if (delete) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0 && result.get(index).isObject()) {
                JsonNode merged = mergeObject((ObjectNode) result.get(index), (ObjectNode) element);
                if (merged == null) {
                    result.remove(index);
                } else {
                    result.set(index, merged);
                }
            } else {
                result.add(withoutDirectives(element));
            }
        }
        return result;
    }

    private static String mergeKeyOf(List<JsonNode> elements) {
        if (elements.isEmpty() || !elements.stream().allMatch(JsonNode::isObject)) {
            return null;
        }
        for (String key : MERGE_KEYS) {
            if (elements.stream().allMatch(e -> e.has(key) && e.get(key).isValueNode())) {
                return key;
            }
        }
        return null;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (value.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static void removePrimitives(ObjectNode target, String field, JsonNode toRemove) {
        JsonNode current = target.get(field);
        if (current == null || !current.isArray()) {
            return;
        }
        Set<JsonNode> remove = new HashSet<>();
        toRemove.forEach(remove::add);
        ArrayNode kept = target.arrayNode();
        current.forEach(e -> {
            if (!remove.contains(e)) {
                kept.add(e);
            }
        });
        target.set(field, kept);
    }

    private static JsonNode withoutDirectives(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = (ObjectNode) node.deepCopy();
            copy.remove(DIRECTIVE);
            copy.remove(RETAIN_KEYS);
            List<String> names = new ArrayList<>();
            copy.propertyNames().forEach(names::add);
            for (String name : names) {
                if (name.startsWith(SET_ORDER) || name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                    copy.remove(name);
                } else {
                    copy.set(name, withoutDirectives(copy.get(name)));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(e -> copy.add(withoutDirectives(e)));
            return copy;
        }
        return node;
    }
}
