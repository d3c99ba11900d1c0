package io.taskconsole.cli;

import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The chart, its extra values and the helm that renders or installs it: {@code submit}, {@code retry}, {@code render}. */
final class ChartOptions {

    @Option(names = "--chart", paramLabel = "PATH|oci://REF",
            description = "Chart folder or OCI reference (default: the chart bundled in the app).")
    String chart;

    @Option(names = "--helm", paramLabel = "FILE", description = "The helm binary, or the folder holding it (default: the first helm on PATH, else in"
            + " /opt/homebrew/bin, /usr/local/bin, /usr/bin, ~/bin, ~/.local/bin, /snap/bin or"
            + " /home/linuxbrew/.linuxbrew/bin; on Windows in Program Files\\helm, Chocolatey's bin, Scoop's shims,"
            + " WinGet's Links or ~\\bin).")
    Path helm;

    @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "Extra values file for the chart (repeatable).")
    List<Path> values = new ArrayList<>();

    /** Whether the user named any chart, helm or values option. */
    boolean given() {
        return chart != null || helm != null || !values.isEmpty();
    }

    /** Settings for {@code target} with helm's install options left at their defaults. */
    SubmitSettings settings(TargetOptions target) {
        return new SubmitSettings(target.target(), ChartSource.parse(chart), helm, null, false, values, null, null);
    }
}
