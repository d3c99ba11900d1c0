package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart inside the app's jar, unpacked for helm: no copy may stay in the temp folder. */
class BundledChartTest {

    private static final String ENTRY = "io/taskconsole/charts/claude-code/";
    private static final Path PROJECT_CHART = Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code"));

    @TempDir
    Path dir;
    Path tempRoot;
    URL chartYamlInJar;

    @BeforeEach
    void packTheProjectChartIntoAJar() throws IOException {
        tempRoot = Files.createDirectories(dir.resolve("tmp"));
        Path jar = dir.resolve("task-console.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar)); Stream<Path> tree = Files.walk(PROJECT_CHART)) {
            for (Path p : tree.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(ENTRY + PROJECT_CHART.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, (OutputStream) zip);
                zip.closeEntry();
            }
        }
        chartYamlInJar = new URL("jar:" + jar.toUri() + "!/" + ENTRY + "Chart.yaml");
    }

    @Test
    void theChartIsUnpackedForOneHelmRunAndDeletedAfterIt() throws IOException {
        BundledChart bundled = new BundledChart(chartYamlInJar, tempRoot);

        try (PreparedChart chart = bundled.prepare()) {
            Path folder = Path.of(chart.ref());
            assertThat(folder).startsWith(tempRoot);
            assertThat(folder.resolve("templates/job.yaml")).hasSameTextualContentAs(PROJECT_CHART.resolve("templates/job.yaml"));
            ToolResult shown = ToolRun.of(ToolBinaries.helm(), "show", "chart", chart.ref())
                    .timeout(Duration.ofSeconds(60)).run();
            assertThat(shown.succeeded()).as(shown.toString()).isTrue();
            assertThat(shown.output()).contains("name: claude-code");
        }

        assertThat(entries(tempRoot)).as("what the run left in the temp folder").isEmpty();
    }

    @Test
    void eachRunGetsItsOwnCopySoClosingOneLeavesTheOtherUsable() throws IOException {
        BundledChart bundled = new BundledChart(chartYamlInJar, tempRoot);

        try (PreparedChart first = bundled.prepare()) {
            try (PreparedChart second = bundled.prepare()) {
                assertThat(second.ref()).isNotEqualTo(first.ref());
            }
            assertThat(Path.of(first.ref()).resolve("Chart.yaml")).exists();
        }

        assertThat(entries(tempRoot)).isEmpty();
    }

    @Test
    void copiesLeftByProcessesThatAreGoneAreRemovedAndLiveOnesStay() throws Exception {
        long gone = goneProcessId();
        Path crashed = chartCopy(BundledChart.FOLDER_PREFIX + gone + "-123");
        Path ours = chartCopy(BundledChart.FOLDER_PREFIX + ProcessHandle.current().pid() + "-456");
        Path oldBuildsCopy = chartCopy("task-console-chart8812345");
        Files.setLastModifiedTime(oldBuildsCopy, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path recentOldBuildsCopy = chartCopy("task-console-chart7712345");
        Path unrelated = Files.createDirectories(tempRoot.resolve("someone-elses-folder"));

        new BundledChart(chartYamlInJar, tempRoot).prepare().close();

        assertThat(crashed).doesNotExist();
        assertThat(oldBuildsCopy).doesNotExist();
        assertThat(ours.resolve("claude-code/Chart.yaml")).as("a running process's copy").exists();
        assertThat(recentOldBuildsCopy).as("maybe still in use by an older build").exists();
        assertThat(unrelated).exists();
        assertThat(entries(tempRoot)).containsExactlyInAnyOrder(ours, recentOldBuildsCopy, unrelated);
    }

    @Test
    void aChartOnTheFileSystemIsUsedInPlaceAndKept() throws IOException {
        URL chartYaml = PROJECT_CHART.resolve("Chart.yaml").toUri().toURL();

        try (PreparedChart chart = new BundledChart(chartYaml, tempRoot).prepare()) {
            assertThat(Path.of(chart.ref())).isEqualTo(PROJECT_CHART.toAbsolutePath());
        }

        assertThat(PROJECT_CHART.resolve("Chart.yaml")).exists();
        assertThat(entries(tempRoot)).isEmpty();
    }

    private Path chartCopy(String name) throws IOException {
        Path folder = tempRoot.resolve(name);
        Files.createDirectories(folder.resolve("claude-code/templates"));
        Files.writeString(folder.resolve("claude-code/Chart.yaml"), "name: claude-code\n");
        return folder;
    }

    private static long goneProcessId() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
