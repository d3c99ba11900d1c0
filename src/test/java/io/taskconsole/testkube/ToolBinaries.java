package io.taskconsole.testkube;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real {@code helm} and {@code kubectl} binaries for tests: the system property
 * ({@code taskconsole.helm}, {@code taskconsole.kubectl}) first, then {@code PATH}. Where one is
 * missing the calling test is skipped through a JUnit assumption that says why and how to fix it,
 * rather than failing on a machine that simply lacks the tool.
 */
public final class ToolBinaries {

    private ToolBinaries() {
    }

    /** The helm binary, or the calling test is skipped. */
    public static Path helm() {
        return require("helm", "taskconsole.helm", "install helm v3 (CI uses .ci/install-helm.sh)");
    }

    /** The kubectl binary, or the calling test is skipped. */
    public static Path kubectl() {
        return require("kubectl", "taskconsole.kubectl", "install kubectl (apt-get install kubectl, or any kubectl >= 1.28)");
    }

    /** Where the named tool is, without skipping anything. */
    public static Optional<Path> find(String command, String systemProperty) {
        String configured = System.getProperty(systemProperty);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return onPath(command);
    }

    /** The first executable file named {@code command} in a directory of {@code PATH}, as a shell finds it. */
    public static Optional<Path> onPath(String command) {
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path require(String command, String systemProperty, String howToInstall) {
        Optional<Path> found = find(command, systemProperty);
        if (found.isEmpty()) {
            String configured = System.getProperty(systemProperty);
            String reason = configured != null && !configured.isBlank()
                    ? command + " not executable at " + configured + " (system property " + systemProperty
                            + "): skipping this test; point the property at a " + command + " binary"
                    : command + " not found on PATH nor in system property " + systemProperty
                            + ": skipping this test; " + howToInstall;
            System.err.println("[testkube] " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }
}
