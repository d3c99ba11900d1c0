package io.taskconsole.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Helm's multi-document output as JSON trees, one per Kubernetes object. */
final class Manifests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Manifests() {
    }

    static List<JsonNode> parse(String multiDocumentYaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asString()))
                .collect(Collectors.toList());
    }

    static JsonNode single(List<JsonNode> documents, String kind) {
        List<JsonNode> found = ofKind(documents, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " but found " + found.size() + " in " + documents);
        }
        return found.get(0);
    }
}
