package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which chart helm installs: the one bundled in the app (default; users need no clone of the
 * repository), a chart folder, or an OCI reference passed to helm as is.
 */
public sealed interface ChartSource {

    String BUNDLED_RESOURCE = "/io/taskconsole/charts/claude-code/Chart.yaml";

    /**
     * Makes the chart readable by helm for one run: what the result's {@link PreparedChart#ref()}
     * names is helm's chart argument, a local folder or an {@code oci://} reference. Close it once
     * helm is done, so a chart unpacked for the run is deleted.
     */
    PreparedChart prepare();

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

    /** The chart inside the application; when the app runs from a jar it is unpacked for each helm run. */
    record Bundled() implements ChartSource {

        @Override
        public PreparedChart prepare() {
            return BundledChart.ofThisApp().prepare();
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
        public PreparedChart prepare() {
            return PreparedChart.inPlace(path.toAbsolutePath().toString());
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    record Oci(String reference) implements ChartSource {

        @Override
        public PreparedChart prepare() {
            return PreparedChart.inPlace(reference);
        }

        @Override
        public String describe() {
            return reference;
        }
    }
}
