package io.taskconsole.server;

/**
 * Who calls the API and whether they may: the bearer token in, the user name that
 * {@code metadata.yaml} records out, or a 401/403 problem that says what is missing and never
 * repeats the token.
 */
interface Authenticator {

    /** The verb a read asks for; a submit or retry asks for {@code create}. */
    String GET = "get";
    String CREATE = "create";

    /**
     * @param token the bearer token as sent, never blank
     * @param verb  {@link #GET} or {@link #CREATE} on {@code /api/v1/pm/tasks}
     * @return the caller's user name
     * @throws OrchestratorServer.ProblemException 401 for an unknown token, 403 for a caller without the right
     */
    String authorise(String token, String verb);

    /** One sentence on what token to send, for a 401 without one. */
    String whatToSend();
}
