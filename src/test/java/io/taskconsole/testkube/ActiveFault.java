package io.taskconsole.testkube;

/**
 * A fault rule in force on a test API server until closed; use it in try-with-resources so a
 * failing test cannot leave the shared server refusing requests for the next test.
 */
public interface ActiveFault extends AutoCloseable {

    /** Stops failing the requests this rule matches. */
    @Override
    void close();
}
