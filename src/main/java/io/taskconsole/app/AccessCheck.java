package io.taskconsole.app;

import io.taskconsole.cluster.AccessReviews;
import java.util.Optional;

/**
 * Who calls a service face and whether they may, as the cluster decides (TokenReview and
 * SubjectAccessReview with the service's own credentials). Holds one connection for many checks;
 * close it when the face stops.
 */
public final class AccessCheck implements AutoCloseable {

    private final AccessReviews reviews;

    AccessCheck(AccessReviews reviews) {
        this.reviews = reviews;
    }

    /** The token's user, or empty when the cluster does not authenticate it. */
    public Optional<AccessReviews.Caller> authenticate(String token) {
        return reviews.authenticate(token);
    }

    /** Whether {@code caller} may {@code verb} the non-resource URL {@code path}. */
    public AccessReviews.Decision mayUse(AccessReviews.Caller caller, String verb, String path) {
        return reviews.mayUse(caller, verb, path);
    }

    @Override
    public void close() {
        reviews.close();
    }
}
