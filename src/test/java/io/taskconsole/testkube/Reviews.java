package io.taskconsole.testkube;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the test API server answers TokenReview and SubjectAccessReview: the tokens a test
 * {@linkplain TestKubeApiServer#addUserToken registered} authenticate as their user (any other
 * token does not), and a user is allowed exactly the non-resource URLs and verbs a test
 * {@linkplain TestKubeApiServer#grantNonResource granted} to the user or one of its groups.
 * Resource attributes in a SubjectAccessReview are always allowed (RBAC is not enforced here).
 */
final class Reviews {

    private record User(String name, List<String> groups) {
    }

    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    private final Set<String> grants = ConcurrentHashMap.newKeySet();

    void addUserToken(String token, String user, List<String> groups) {
        tokens.put(token, new User(user, List.copyOf(groups)));
    }

    void grantNonResource(String subject, String verb, String path) {
        grants.add(subject + " " + verb + " " + path);
    }

    void revokeNonResource(String subject, String verb, String path) {
        grants.remove(subject + " " + verb + " " + path);
    }

    ObjectNode tokenReview(ObjectNode review) {
        User user = tokens.get(review.path("spec").path("token").asString(""));
        review.put("apiVersion", "authentication.k8s.io/v1");
        review.put("kind", "TokenReview");
        ObjectNode status = review.putObject("status");
        status.put("authenticated", user != null);
        if (user != null) {
            ObjectNode info = status.putObject("user");
            info.put("username", user.name());
            info.put("uid", "uid-" + user.name());
            var groups = info.putArray("groups");
            user.groups().forEach(groups::add);
        } else {
            status.put("error", "[invalid bearer token, token lookup failed]");
        }
        return review;
    }

    ObjectNode subjectAccessReview(ObjectNode review) {
        JsonNode spec = review.path("spec");
        JsonNode nonResource = spec.path("nonResourceAttributes");
        boolean allowed;
        if (nonResource.isObject()) {
            String verb = nonResource.path("verb").asString("");
            String path = nonResource.path("path").asString("");
            allowed = grants.contains(spec.path("user").asString("") + " " + verb + " " + path);
            for (JsonNode group : spec.path("groups")) {
                allowed |= grants.contains(group.asString("") + " " + verb + " " + path);
            }
        } else {
            allowed = true;
        }
        review.put("apiVersion", "authorization.k8s.io/v1");
        review.put("kind", "SubjectAccessReview");
        ObjectNode status = review.putObject("status");
        status.put("allowed", allowed);
        if (!allowed) {
            status.put("reason", "no grant of the test API server allows it");
        }
        return review;
    }
}
