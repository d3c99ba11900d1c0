package io.taskconsole.helm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Finds the real helm for tests and writes fake ones. */
final class TestHelm {

    private TestHelm() {
    }

    /** The real helm: the {@code taskconsole.helm} property, else the machine's search path. */
    static HelmBinary real() {
        String configured = System.getProperty("taskconsole.helm");
        return HelmLocator.forSystem().locate(configured == null || configured.isBlank() ? null : Path.of(configured));
    }

    static Path chartDir() {
        return resource("helm/chart");
    }

    /** Copies the scripted fake helm into {@code dir} as an executable named helm. */
    static HelmBinary fake(Path dir) throws IOException {
        Path target = dir.resolve("helm");
        try (InputStream in = TestHelm.class.getResourceAsStream("/helm/fake/fake-helm.sh")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        makeExecutable(target);
        return new HelmBinary(target, "v3.18.0+gfake");
    }

    /** Writes a shell script that prints {@code output} and exits with {@code exitCode}. */
    static Path script(Path dir, String name, String body) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.writeString(target, "#!/bin/sh\n" + body + "\n");
        makeExecutable(target);
        return target;
    }

    static void makeExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** kubeconfig files readable by others make helm print a warning. */
    static void makeOwnerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    static Path resource(String name) {
        try {
            return Path.of(TestHelm.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("Test resource " + name + " is missing", e);
        }
    }

}
