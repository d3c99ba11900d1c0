package io.taskconsole.testkube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig whose one context points at a cluster nobody serves: {@code https://127.0.0.1:1}
 * refuses connections at once. Its user holds a bearer token, so a test can check the token
 * never reaches the user's screen.
 */
public final class UnreachableCluster {

    public static final String SERVER = "https://127.0.0.1:1";
    public static final String TOKEN = "not-a-real-token";

    private UnreachableCluster() {
    }

    /** Writes the kubeconfig to {@code file} (owner-only, as kubectl writes it) with {@code context} current. */
    public static Path kubeconfig(Path file, String context) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: unreachable
                      cluster: {server: "%s"}
                    users:
                    - name: pm
                      user: {token: "%s"}
                    contexts:
                    - name: %s
                      context: {cluster: unreachable, user: pm, namespace: orchestrator}
                    current-context: %s
                    """.formatted(SERVER, TOKEN, context, context));
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
