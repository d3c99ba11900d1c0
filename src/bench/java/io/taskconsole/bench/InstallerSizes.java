package io.taskconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The size of each installer {@code mvn -Ppackage package} left in {@code target/jpackage/installers},
 * and of the app-image they are made from. The bench profile itself makes the app-image only, so
 * the installers are measured when an earlier package build made them.
 */
final class InstallerSizes {

    /** The .deb must stay at or under this many bytes (issue 16). */
    static final long DEB_LIMIT = 60_000_000L;

    private InstallerSizes() {
    }

    static void append(StringBuilder report, Path installers, Path appImage) {
        List<Path> files = list(installers);
        report.append("Installers from `mvn -Ppackage package` (the bench profile builds only the app-image) and the ")
                .append("app-image they are made from; MB are 10^6 bytes.\n\n");
        if (files.isEmpty()) {
            report.append("Not measured: no installers in `").append(installers)
                    .append("`; run `mvn -Ppackage package` first.\n\n");
            return;
        }
        report.append("| File | Built | Size | Target |\n|---|---|---|---|\n");
        for (Path file : files) {
            long bytes = size(file);
            String name = file.getFileName().toString();
            boolean deb = name.endsWith(".deb");
            report.append("| `").append(name).append("` | ").append(modified(file)).append(" | ").append(megabytes(bytes)).append(" | ")
                    .append(deb ? (bytes <= DEB_LIMIT ? "≤ 60 MB: yes" : "≤ 60 MB: **no**") : "").append(" |\n");
        }
        if (appImage != null && Files.isDirectory(appImage)) {
            report.append("| app-image `").append(appImage.getFileName()).append("/` (unpacked, with its AppCDS archive) | ")
                    .append(modified(appImage)).append(" | ").append(megabytes(treeSize(appImage))).append(" | |\n");
        }
        report.append('\n');
    }

    private static List<Path> list(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.(deb|rpm|msi|dmg|pkg|exe)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long treeSize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(InstallerSizes::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modified(Path path) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC)
                    .format(Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB (%.1f MiB)", bytes / 1e6, bytes / 1048576.0);
    }
}
