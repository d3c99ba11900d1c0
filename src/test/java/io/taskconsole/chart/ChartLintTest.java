package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both charts pass {@code helm lint --strict} with the values they are meant to get. */
class ChartLintTest {

    @TempDir
    Path temp;

    private ChartFixture chart;

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    @Test
    void agentChartLintsStrictlyWithTheAppsValues() {
        Path chartDir = ChartFixture.chartDir();
        Helm.Result result = chart.helm().run("lint", "--strict", chartDir.toString(),
                "--values", chartDir.resolve("ci/example-values.yaml").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("0 chart(s) failed").doesNotContain("[WARNING]").doesNotContain("[ERROR]");
    }

    @Test
    void agentChartWithoutTheAppsValuesFailsLintOnTheMissingTask() {
        Helm.Result result = chart.helm().run("lint", "--strict", ChartFixture.chartDir().toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout() + result.stderr()).contains("task: id is required");
    }

    @Test
    void submitterChartLintsStrictlyWithAndWithoutSubjects() {
        Path chartDir = ChartFixture.submitterChartDir();
        for (Helm.Result result : new Helm.Result[] {
                chart.helm().run("lint", "--strict", chartDir.toString()),
                chart.helm().run("lint", "--strict", chartDir.toString(), "--values", chartDir.resolve("ci/example-values.yaml").toString())}) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).doesNotContain("[WARNING]").doesNotContain("[ERROR]");
        }
    }
}
