package io.taskconsole.testkube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed set of API groups and kinds the test API server announces in discovery.
 *
 * <p>It covers what Task Console, its chart and the tests touch (core v1, batch, apps, RBAC,
 * access reviews, CRDs); a manifest of any other kind fails in helm or kubectl with "no matches
 * for kind", as it would on a cluster without that API.
 */
final class ApiResourceCatalog {

    private static final List<String> CREATE_ONLY = List.of("create");

    private final List<ApiResourceType> types = new ArrayList<>();

    ApiResourceCatalog() {
        List<String> all = ApiResourceType.ALL_VERBS;
        core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of("create", "delete", "get", "list", "patch", "update", "watch"), List.of("status"));
        core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), all, List.of());
        core("secrets", "secret", "Secret", true, List.of(), all, List.of());
        core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), all, List.of("token"));
        core("pods", "pod", "Pod", true, List.of("po"), all, List.of("log", "status"));
        core("services", "service", "Service", true, List.of("svc"), all, List.of("status"));
        core("events", "event", "Event", true, List.of("ev"), all, List.of());
        core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, List.of("pvc"), all, List.of("status"));
        core("resourcequotas", "resourcequota", "ResourceQuota", true, List.of("quota"), all, List.of("status"));
        core("limitranges", "limitrange", "LimitRange", true, List.of("limits"), all, List.of());
        add("batch", "jobs", "job", "Job", true, List.of(), all, List.of("status"));
        add("batch", "cronjobs", "cronjob", "CronJob", true, List.of("cj"), all, List.of("status"));
        add("apps", "deployments", "deployment", "Deployment", true, List.of("deploy"), all, List.of("status", "scale"));
        add("apps", "statefulsets", "statefulset", "StatefulSet", true, List.of("sts"), all, List.of("status", "scale"));
        add("apps", "replicasets", "replicaset", "ReplicaSet", true, List.of("rs"), all, List.of("status", "scale"));
        add("apps", "daemonsets", "daemonset", "DaemonSet", true, List.of("ds"), all, List.of("status"));
        String rbac = "rbac.authorization.k8s.io";
        add(rbac, "roles", "role", "Role", true, List.of(), all, List.of());
        add(rbac, "rolebindings", "rolebinding", "RoleBinding", true, List.of(), all, List.of());
        add(rbac, "clusterroles", "clusterrole", "ClusterRole", false, List.of(), all, List.of());
        add(rbac, "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false, List.of(), all, List.of());
        add("storage.k8s.io", "storageclasses", "storageclass", "StorageClass", false, List.of("sc"), all, List.of());
        String authz = "authorization.k8s.io";
        add(authz, "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false, List.of(), CREATE_ONLY, List.of());
        add(authz, "subjectaccessreviews", "subjectaccessreview", "SubjectAccessReview", false, List.of(), CREATE_ONLY, List.of());
        add("authentication.k8s.io", "tokenreviews", "tokenreview", "TokenReview", false, List.of(), CREATE_ONLY, List.of());
        add(authz, "selfsubjectrulesreviews", "selfsubjectrulesreview", "SelfSubjectRulesReview", false, List.of(), CREATE_ONLY, List.of());
        add("apiextensions.k8s.io", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, List.of("crd", "crds"), all, List.of("status"));
    }

    private void core(String resource, String singular, String kind, boolean namespaced,
            List<String> shortNames, List<String> verbs, List<String> subresources) {
        add("", resource, singular, kind, namespaced, shortNames, verbs, subresources);
    }

    private void add(String group, String resource, String singular, String kind, boolean namespaced,
            List<String> shortNames, List<String> verbs, List<String> subresources) {
        types.add(new ApiResourceType(group, "v1", resource, singular, kind, namespaced, shortNames, verbs, subresources));
    }

    List<ApiResourceType> all() {
        return List.copyOf(types);
    }

    /** Group name to its versions, core group ({@code ""}) first, in announcement order. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ApiResourceType type : types) {
            List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
            if (!versions.contains(type.version())) {
                versions.add(type.version());
            }
        }
        return groups;
    }

    List<ApiResourceType> inGroupVersion(String group, String version) {
        return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }

    Optional<ApiResourceType> find(String group, String version, String resource) {
        return types.stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.resource().equals(resource))
                .findFirst();
    }
}
