package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChartSourceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "bundled", " bundled "})
    void nothingOrBundledMeansTheBundledChart(String text) {
        assertThat(ChartSource.parse(text)).isInstanceOf(ChartSource.Bundled.class);
        assertThat(ChartSource.parse(text).describe()).isEqualTo("bundled");
    }

    @Test
    void ociReferencesGoToHelmAsWritten() {
        ChartSource source = ChartSource.parse(" oci://ghcr.io/acme/charts/claude-code ");
        assertThat(source).isEqualTo(new ChartSource.Oci("oci://ghcr.io/acme/charts/claude-code"));
        try (PreparedChart prepared = source.prepare()) {
            assertThat(prepared.ref()).isEqualTo("oci://ghcr.io/acme/charts/claude-code");
        }
    }

    @Test
    void aFolderWithChartYamlIsUsedByItsAbsolutePath() throws IOException {
        Path chart = Files.createDirectories(dir.resolve("my-chart"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: x\nversion: 0.1.0\n");

        ChartSource source = ChartSource.parse(chart.toString());

        assertThat(source).isEqualTo(new ChartSource.Folder(chart));
        try (PreparedChart prepared = source.prepare()) {
            assertThat(prepared.ref()).isEqualTo(chart.toAbsolutePath().toString());
        }
        assertThat(chart.resolve("Chart.yaml")).as("a chart folder is never deleted").exists();
        assertThat(source.describe()).isEqualTo(chart.toString());
    }

    @Test
    void aFolderWithoutChartYamlIsNamed() throws IOException {
        Path notAChart = Files.createDirectories(dir.resolve("charts"));
        assertThatThrownBy(() -> ChartSource.parse(notAChart.toString()))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("Chart folder " + notAChart + " has no Chart.yaml");
                    assertThat(e.fix()).contains("charts/claude-code").contains("bundled chart");
                });
        assertThatThrownBy(() -> ChartSource.parse(dir.resolve("missing").toString()))
                .hasMessageContaining("has no Chart.yaml");
    }
}
