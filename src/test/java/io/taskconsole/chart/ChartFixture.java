package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The two charts and a helm to render them with. Values files are written by Jackson, as the app
 * writes them, so the tests feed helm the same shapes the app does.
 */
final class ChartFixture {

    static final String NAMESPACE = "orchestrator";

    private final Helm helm;
    private final Path workDir;
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private int valuesFiles;

    ChartFixture(Path workDir) {
        this.workDir = workDir;
        Path helmHome = workDir.resolve("helm-home");
        this.helm = Helm.find(helmHome).orElse(null);
        assumeTrue(helm != null, "helm not found: set -Dtaskconsole.helm or put helm on PATH");
    }

    static Path chartDir() {
        return Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code")).toAbsolutePath().normalize();
    }

    static Path submitterChartDir() {
        return chartDir().resolveSibling("task-console-submitter");
    }

    static Path orchestratorChartDir() {
        return chartDir().resolveSibling("orchestrator");
    }

    static Path fetchSourceScript() {
        return chartDir().resolve("files/fetch-source.sh");
    }

    static Path initScript() {
        return chartDir().resolve("files/prepare-workspace.sh");
    }

    Helm helm() {
        return helm;
    }

    Path writeValues(Map<String, ?> values) {
        Path file = workDir.resolve("values-" + (++valuesFiles) + ".yaml");
        try {
            Files.createDirectories(workDir);
            Files.writeString(file, yaml.writeValueAsString(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code helm template} of the agent chart; one entry per values map, applied in order. */
    Helm.Result template(String release, List<Map<String, ?>> valueSets) {
        return template(chartDir(), release, valueSets);
    }

    Helm.Result template(Path chart, String release, List<Map<String, ?>> valueSets) {
        List<String> args = new ArrayList<>(List.of("template", release, chart.toString(), "--namespace", NAMESPACE));
        for (Map<String, ?> values : valueSets) {
            args.add("--values");
            args.add(writeValues(values).toString());
        }
        return helm.run(args);
    }

    /**
     * The rendered NOTES.txt. Helm prints notes only after installing into a cluster, so a copy of
     * the chart carries NOTES.txt as an ordinary template, which {@code --debug} prints even though
     * it is not YAML.
     */
    String renderNotes(String release, Map<String, ?> values) {
        Path copy = workDir.resolve("notes-chart");
        try {
            copyTree(chartDir(), copy);
            Files.move(copy.resolve("templates/NOTES.txt"), copy.resolve("templates/notes.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Helm.Result result = helm.run("template", release, copy.toString(), "--namespace", NAMESPACE,
                "--values", writeValues(values).toString(), "--show-only", "templates/notes.txt", "--debug");
        String marker = "# Source: claude-code/templates/notes.txt\n";
        assertThat(result.stdout()).as("helm template of the notes: %s", result).contains(marker);
        return result.stdout().substring(result.stdout().indexOf(marker) + marker.length());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Renders and parses; fails the test with helm's stderr if helm refused. */
    List<JsonNode> render(String release, List<Map<String, ?>> valueSets) {
        Helm.Result result = template(release, valueSets);
        assertThat(result.exitCode()).as("helm template: %s", result).isZero();
        return Manifests.parse(result.stdout());
    }
}
