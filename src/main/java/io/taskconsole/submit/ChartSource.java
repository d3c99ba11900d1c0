package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which chart helm installs: the one bundled in the app (default; users need no clone of the
 * repository), a chart folder, or an OCI reference passed to helm as is.
 */
public sealed interface ChartSource {

    String BUNDLED_RESOURCE = "/io/taskconsole/charts/claude-code/Chart.yaml";

    /** What helm gets as its chart argument: a local folder or an {@code oci://} reference. */
    String chartRef();

    /** How the user picked it, for settings and history. */
    String describe();

    /** {@code null}, blank or {@code bundled}: the bundled chart; {@code oci://...}: OCI; else a folder. */
    static ChartSource parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("bundled")) {
            return new Bundled();
        }
        String t = text.strip();
        if (t.startsWith("oci://")) {
            return new Oci(t);
        }
        return new Folder(Path.of(t));
    }

    /** The chart inside the application, unpacked once per run when the app runs from a jar. */
    record Bundled() implements ChartSource {

        @Override
        public String chartRef() {
            return BundledChart.folder().toString();
        }

        @Override
        public String describe() {
            return "bundled";
        }
    }

    record Folder(Path path) implements ChartSource {

        public Folder {
            if (!Files.isRegularFile(path.resolve("Chart.yaml"))) {
                throw TaskConsoleException.badInput("Chart folder " + path + " has no Chart.yaml",
                        "Choose the folder that holds Chart.yaml (e.g. charts/claude-code), or use the bundled chart.");
            }
        }

        @Override
        public String chartRef() {
            return path.toAbsolutePath().toString();
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    record Oci(String reference) implements ChartSource {

        @Override
        public String chartRef() {
            return reference;
        }

        @Override
        public String describe() {
            return reference;
        }
    }

    /** Finds the bundled chart folder, unpacking it from the jar on first use. */
    final class BundledChart {

        private static Path folder;

        private BundledChart() {
        }

        static synchronized Path folder() {
            if (folder == null) {
                folder = locate();
            }
            return folder;
        }

        private static Path locate() {
            URL url = ChartSource.class.getResource(BUNDLED_RESOURCE);
            if (url == null) {
                throw TaskConsoleException.failed("The bundled chart is missing from this build of Task Console",
                        "Choose a chart folder in the cluster settings (--chart).", null);
            }
            try {
                URI uri = url.toURI();
                if ("file".equals(uri.getScheme())) {
                    return Path.of(uri).getParent();
                }
                return unpack(uri);
            } catch (URISyntaxException | IOException e) {
                throw TaskConsoleException.failed("Cannot unpack the bundled chart: " + e.getMessage(),
                        "Check free space in the temp folder, or choose a chart folder (--chart).", e);
            }
        }

        private static Path unpack(URI chartYaml) throws IOException {
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(chartYaml);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(chartYaml, Map.of());
            }
            Path source = jar.provider().getPath(chartYaml).getParent();
            Path target = Files.createTempDirectory("task-console-chart").resolve("claude-code");
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path p : (Iterable<Path>) tree::iterator) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(p, dest);
                    }
                }
            }
            return target;
        }
    }
}
