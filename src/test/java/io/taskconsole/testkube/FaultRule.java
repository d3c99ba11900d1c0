package io.taskconsole.testkube;

import java.util.Objects;

/**
 * A request the test API server should fail, and how: by default like RBAC refusing it
 * (403 Forbidden with a Kubernetes {@code Status} body), or with any status code and message.
 *
 * <pre>{@code
 * FaultRule.forbid("create", "configmaps").inNamespace("orchestrator")
 * FaultRule.forbidAll()                                   // every request, discovery included
 * FaultRule.forbid("*", "secrets").answering(500, "etcd is down")
 * }</pre>
 *
 * <p>Rules are values; {@link TestKubeApiServer#failWhen(FaultRule)} activates one.
 * {@code kubectl auth can-i} (a SelfSubjectAccessReview) answers "no" for what a 403 rule matches.
 */
public final class FaultRule {

    private static final String ANY = "*";

    private final String verb;
    private final String resource;
    private final String namespace;
    private final String name;
    private final boolean includesNonResource;
    private final int status;
    private final String message;

    private FaultRule(String verb, String resource, String namespace, String name,
            boolean includesNonResource, int status, String message) {
        this.verb = Objects.requireNonNull(verb, "verb");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.namespace = namespace;
        this.name = name;
        this.includesNonResource = includesNonResource;
        this.status = status;
        this.message = message;
    }

    /**
     * Fails {@code verb} (get, list, watch, create, update, patch, delete, deletecollection or
     * {@code *}) on {@code resource} (plural, optionally {@code resource/subresource}, or {@code *}).
     */
    public static FaultRule forbid(String verb, String resource) {
        return new FaultRule(verb, resource, null, null, false, 403, null);
    }

    /** Fails every request, discovery and {@code /version} included: a cluster that refuses us. */
    public static FaultRule forbidAll() {
        return new FaultRule(ANY, ANY, null, null, true, 403, null);
    }

    /** Only in this namespace. */
    public FaultRule inNamespace(String namespace) {
        return new FaultRule(verb, resource, Objects.requireNonNull(namespace), name, includesNonResource, status, message);
    }

    /** Only for the object of this name. */
    public FaultRule named(String name) {
        return new FaultRule(verb, resource, namespace, Objects.requireNonNull(name), includesNonResource, status, message);
    }

    /** Answer this status code and message instead of RBAC's 403. */
    public FaultRule answering(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault must answer an error status (400-599), not " + status);
        }
        return new FaultRule(verb, resource, namespace, name, includesNonResource, status, Objects.requireNonNull(message));
    }

    boolean matches(ApiRequest request) {
        if (!request.isResource()) {
            return includesNonResource;
        }
        return matches(request.verb(), request.resource(), request.subresource(), request.namespace(), request.name());
    }

    /** Whether the rule covers a verb on a resource, as an access review asks it. */
    boolean matches(String verb, String resource, String subresource, String namespace, String name) {
        String fullResource = subresource == null || subresource.isEmpty() ? resource : resource + "/" + subresource;
        return (this.verb.equals(ANY) || this.verb.equals(verb))
                && (this.resource.equals(ANY) || this.resource.equals(fullResource))
                && (this.namespace == null || this.namespace.equals(namespace))
                && (this.name == null || this.name.equals(name));
    }

    int status() {
        return status;
    }

    boolean isForbidden() {
        return status == 403;
    }

    String messageFor(ApiRequest request, String user) {
        return message != null ? message : StatusBodies.forbiddenMessage(request, user);
    }

    @Override
    public String toString() {
        return "fail " + verb + " " + resource + (namespace == null ? "" : " in " + namespace)
                + (name == null ? "" : " named " + name) + " with " + status;
    }
}
