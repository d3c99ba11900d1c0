package io.taskconsole.testkube;

/**
 * One request the test API server answered, as RBAC sees it: verb, API group, resource
 * (with subresource) and namespace, plus the object name, path, client and answer code.
 *
 * <p>A test can check that each call a command made is allowed by the chart's Role. For
 * non-resource paths ({@code /version}, {@code /api}, {@code /openapi/v2}) {@link #resource()}
 * is {@code null} and {@link #verb()} is the lower-case HTTP method.
 *
 * @param verb        RBAC verb: get, list, watch, create, update, patch, delete, deletecollection
 * @param apiGroup    API group, {@code ""} for the core group, {@code null} for non-resource paths
 * @param resource    plural resource name such as {@code configmaps}, or {@code null}
 * @param subresource subresource such as {@code status}, or {@code null}
 * @param namespace   namespace of the object, or {@code null} for cluster-scoped calls
 * @param name        object name, or {@code null} for collection calls
 * @param path        URL path without query
 * @param userAgent   the client's User-Agent (tells helm, kubectl and fabric8 apart)
 * @param status      HTTP status code of the answer
 */
public record ApiCall(
        String verb,
        String apiGroup,
        String resource,
        String subresource,
        String namespace,
        String name,
        String path,
        String userAgent,
        int status) {

    public boolean isResourceCall() {
        return resource != null;
    }

    /** {@code resource} or {@code resource/subresource}, the way an RBAC rule names it. */
    public String rbacResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    @Override
    public String toString() {
        if (!isResourceCall()) {
            return verb + " " + path + " -> " + status;
        }
        return verb + " " + (apiGroup.isEmpty() ? "" : apiGroup + "/") + rbacResource()
                + (name == null ? "" : " " + name) + (namespace == null ? "" : " -n " + namespace)
                + " -> " + status;
    }
}
