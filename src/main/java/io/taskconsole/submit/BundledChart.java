package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The chart that ships inside the application. helm can only read a chart from a folder, so when
 * the app runs from a jar the chart is copied into a fresh private temp folder for each helm run
 * and deleted after it ({@link PreparedChart#close()}).
 *
 * <p>Why per run rather than once per process with a shutdown hook: the copy takes a few
 * milliseconds, a per-run folder needs no shared state between the GUI's submissions, dry runs and
 * the CLI, and it is gone as soon as helm is, even when the process is later killed. A process that
 * dies during a helm run leaves its folder behind; the folder's name carries the process id, so
 * the next unpack removes the folders of processes that no longer run (never a live one's).
 */
final class BundledChart {

    static final String FOLDER_PREFIX = "task-console-chart-";
    /** Folders of builds before the process id was in the name: removed once surely unused. */
    private static final String OLD_FOLDER_PREFIX = "task-console-chart";
    private static final Duration OLD_FOLDER_AGE = Duration.ofDays(1);
    private static final String CHART_NAME = "claude-code";
    private static final System.Logger LOG = System.getLogger(BundledChart.class.getName());

    private final URL chartYaml;
    private final Path tempRoot;

    /**
     * @param chartYaml the bundled {@code Chart.yaml} as a class-path resource ({@code file:} or
     *     {@code jar:}); {@code null} when this build lacks it
     * @param tempRoot where unpacked copies go
     */
    BundledChart(URL chartYaml, Path tempRoot) {
        this.chartYaml = chartYaml;
        this.tempRoot = tempRoot;
    }

    static BundledChart ofThisApp() {
        return new BundledChart(ChartSource.class.getResource(ChartSource.BUNDLED_RESOURCE),
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    PreparedChart prepare() {
        if (chartYaml == null) {
            throw TaskConsoleException.failed("The bundled chart is missing from this build of Task Console",
                    "Choose a chart folder in the cluster settings (--chart).", null);
        }
        try {
            URI uri = chartYaml.toURI();
            if ("file".equals(uri.getScheme())) {
                return PreparedChart.inPlace(Path.of(uri).getParent().toString());
            }
            return unpack();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            if (e instanceof TaskConsoleException tce) {
                throw tce;
            }
            throw TaskConsoleException.failed("Cannot unpack the bundled chart into " + tempRoot + ": " + e.getMessage(),
                    "Check free space in the temp folder, or choose a chart folder (--chart).", e);
        }
    }

    private PreparedChart unpack() throws IOException, URISyntaxException {
        if (!"jar".equals(chartYaml.getProtocol())) {
            throw new IOException("unsupported location " + chartYaml);
        }
        JarURLConnection entry = (JarURLConnection) chartYaml.openConnection();
        Path jarFile = Path.of(entry.getJarFileURL().toURI());
        Path folder = Files.createTempDirectory(tempRoot, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
        try (FileSystem jar = FileSystems.newFileSystem(jarFile)) {
            Path source = jar.getPath("/" + entry.getEntryName()).getParent();
            copyTree(source, folder.resolve(CHART_NAME));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        removeLeftovers(Files.getOwner(folder));
        return PreparedChart.unpacked(folder.resolve(CHART_NAME), folder);
    }

    private static void copyTree(Path source, Path target) throws IOException {
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
    }

    /** Deletes the unpacked copies of processes that are gone; ours and other users' stay. */
    private void removeLeftovers(UserPrincipal me) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tempRoot, OLD_FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        && me.equals(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS)) && isLeftover(folder)) {
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not look for leftover chart copies in " + tempRoot, e);
        }
    }

    private static boolean isLeftover(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        if (name.startsWith(FOLDER_PREFIX)) {
            String rest = name.substring(FOLDER_PREFIX.length());
            int dash = rest.indexOf('-');
            if (dash <= 0) {
                return false;
            }
            try {
                long pid = Long.parseLong(rest.substring(0, dash));
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String rest = name.substring(OLD_FOLDER_PREFIX.length());
        return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit)
                && Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(Instant.now().minus(OLD_FOLDER_AGE));
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not delete " + folder, e);
        }
    }

    /** Deletes {@code folder} and everything in it; links are deleted, never followed. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                if (error != null) {
                    throw error;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
