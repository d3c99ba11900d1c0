package io.taskconsole.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for helm that passes the version check and answers the preflight's {@code helm list}
 * (no releases), then hangs on install ignoring SIGTERM, as the real
 * helm does while it waits for resources: what cancel and timeout tests need on demand.
 */
final class HangingHelm {

    private static final String SCRIPT = """
            #!/bin/sh
            if [ "$1" = version ]; then echo "v3.18.0+gfake"; exit 0; fi
            if [ "$1" = list ]; then exit 0; fi
            trap '' TERM
            echo "installing (pid $$)"
            sleep 600 &
            wait
            """;

    private HangingHelm() {
    }

    /** Writes the executable script as {@code dir/helm} and returns its path. */
    static Path writeInto(Path dir) throws IOException {
        Path helm = dir.resolve("helm");
        Files.createDirectories(dir);
        Files.writeString(helm, SCRIPT);
        Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return helm;
    }
}
