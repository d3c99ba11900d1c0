package io.taskconsole.helm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A helm executable that {@link HelmLocator} found and checked: its absolute path and the version
 * it reported (for example {@code v3.18.0+gcc58e3f}), so the UI can show which helm it will run.
 */
public record HelmBinary(Path path, String version) {

    public HelmBinary {
        Objects.requireNonNull(path, "path");
        version = version == null ? "" : version.strip();
    }
}
