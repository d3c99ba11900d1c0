package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;

/**
 * Asks the API server who a bearer token belongs to (TokenReview) and whether that user may use a
 * non-resource URL (SubjectAccessReview), so a service can let the cluster's own authentication
 * and RBAC decide who calls it. It holds a connection to the API server: close it when done. The token goes to the API server only; it is never kept or logged.
 */
public final class AccessReviews implements AutoCloseable {

    /** Who a token belongs to. */
    public record Caller(String user, List<String> groups) {
        public Caller {
            groups = List.copyOf(groups);
        }
    }

    /** Whether a caller may, and the authoriser's reason when not. */
    public record Decision(boolean allowed, String reason) {
    }

    private final KubeConnector.Connection connection;

    public AccessReviews(KubeConnector.Connection connection) {
        this.connection = connection;
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The token's user, or empty when the API server does not authenticate it. */
    public Optional<Caller> authenticate(String token) {
        TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build();
        TokenReview answer;
        try {
            answer = connection.client().authentication().v1().tokenReviews().create(review);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "create", "tokenreviews", null);
        }
        TokenReviewStatus status = answer.getStatus();
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null
                || status.getUser().getUsername() == null) {
            return Optional.empty();
        }
        List<String> groups = status.getUser().getGroups() == null ? List.of() : status.getUser().getGroups();
        return Optional.of(new Caller(status.getUser().getUsername(), groups));
    }

    /** Whether {@code caller} may {@code verb} the non-resource URL {@code path}, as RBAC decides. */
    public Decision mayUse(Caller caller, String verb, String path) {
        SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec()
                .withUser(caller.user()).withGroups(caller.groups())
                .withNewNonResourceAttributes().withVerb(verb).withPath(path).endNonResourceAttributes()
                .endSpec().build();
        SubjectAccessReview answer;
        try {
            answer = connection.client().authorization().v1().subjectAccessReview().create(review);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "create", "subjectaccessreviews", null);
        }
        boolean allowed = answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        String reason = answer.getStatus() == null ? null : answer.getStatus().getReason();
        return new Decision(allowed, reason == null || reason.isBlank() ? null : reason);
    }
}
