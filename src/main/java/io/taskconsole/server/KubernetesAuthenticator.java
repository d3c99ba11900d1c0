package io.taskconsole.server;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AccessCheck;
import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.AccessReviews;
import io.taskconsole.cluster.KubeTarget;
import java.util.function.Supplier;

/**
 * The default: the cluster says who a token belongs to (TokenReview) and whether that user may
 * use {@code /api/v1/pm/tasks} with the request's verb (SubjectAccessReview on the non-resource URL),
 * so an admin grants PMs access with an ordinary ClusterRole and PMs need no rights in the namespace.
 */
final class KubernetesAuthenticator implements Authenticator, AutoCloseable {

    static final String PM_ROLE = "task-console-pm";

    private final Supplier<AccessCheck> open;
    private AccessCheck reviews;

    KubernetesAuthenticator(TaskService service, KubeTarget target) {
        this.open = () -> service.accessCheck(target);
    }

    @Override
    public String authorise(String token, String verb) {
        AccessReviews.Caller caller;
        AccessReviews.Decision decision;
        try {
            AccessCheck r = reviews();
            caller = r.authenticate(token).orElseThrow(() -> new OrchestratorServer.ProblemException(Problem.of(401,
                    "unauthenticated", "Unauthenticated", "The cluster does not know the bearer token (TokenReview: "
                            + "not authenticated). Send a current token of yours, e.g. from 'kubectl create token'."))
                    .wwwAuthenticate("Bearer error=\"invalid_token\""));
            decision = r.mayUse(caller, verb, OrchestratorServer.TASKS);
        } catch (TaskConsoleException e) {
            throw new OrchestratorServer.ProblemException(Problem.of(503, "auth-unavailable", "Cannot check the token",
                    "The service could not ask the API server who the caller is: " + e.oneLine())).retryAfter(10);
        }
        if (!decision.allowed()) {
            throw new OrchestratorServer.ProblemException(Problem.of(403, "forbidden", "Forbidden", "User '"
                    + caller.user() + "' may not " + verb + " " + OrchestratorServer.TASKS
                    + (decision.reason() == null ? "" : " (" + decision.reason() + ")")
                    + ". Ask a cluster admin to bind the ClusterRole " + PM_ROLE + " to you: kubectl create "
                    + "clusterrolebinding <name> --clusterrole " + PM_ROLE + " --user '" + caller.user() + "'."));
        }
        return caller.user();
    }

    @Override
    public String whatToSend() {
        return "Send 'Authorization: Bearer <token>' with a Kubernetes token of yours (TokenReview checks it).";
    }

    private synchronized AccessCheck reviews() {
        if (reviews == null) {
            reviews = open.get();
        }
        return reviews;
    }

    @Override
    public synchronized void close() {
        if (reviews != null) {
            reviews.close();
        }
    }
}
