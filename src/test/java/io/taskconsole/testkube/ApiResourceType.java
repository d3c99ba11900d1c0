package io.taskconsole.testkube;

import java.util.List;

/**
 * One kind the test API server serves, with what discovery says about it: clients such as helm
 * and kubectl map a manifest's kind to a URL only through these facts.
 */
record ApiResourceType(
        String group,
        String version,
        String resource,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> verbs,
        List<String> subresources) {

    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String listKind() {
        return kind + "List";
    }
}
