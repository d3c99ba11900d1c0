package io.taskconsole.helm;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the helm executable to run and makes sure it is helm 3.
 *
 * <p>A path the user configured (Settings or {@code --helm}) wins; otherwise the first
 * {@code helm} in {@link HelmSearchPath#allDirs()}. The candidate must then answer
 * {@code helm version --short} with a v3 version within a few seconds: helm 2 talks to a Tiller
 * that no longer exists and helm 4 changed flags the chart install relies on, so both are refused
 * up front rather than failing half way through a submission.
 */
public final class HelmLocator {

    public static final String INSTALL_URL = "https://helm.sh/docs/intro/install/";

    private static final Duration DEFAULT_VERSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)\\S*");
    private static final int MAX_VERSION_LINES = 20;
    private static final Duration VERSION_CANCEL_GRACE = Duration.ofSeconds(1);

    private final HelmSearchPath searchPath;
    private final Duration versionTimeout;
    private final HelmRunner versionRunner;

    public HelmLocator(HelmSearchPath searchPath) {
        this(searchPath, DEFAULT_VERSION_TIMEOUT);
    }

    public HelmLocator(HelmSearchPath searchPath, Duration versionTimeout) {
        this.searchPath = searchPath;
        this.versionTimeout = versionTimeout;
        this.versionRunner = new HelmRunner(VERSION_CANCEL_GRACE, Duration.ZERO, versionTimeout);
    }

    /** A locator for this machine's PATH and home directory. */
    public static HelmLocator forSystem() {
        return new HelmLocator(HelmSearchPath.fromSystem());
    }

    /**
     * Finds and checks helm.
     *
     * @param configured the path the user set (the executable, or a directory holding it), or
     *     {@code null} to search
     */
    public HelmBinary locate(Path configured) {
        Path executable = configured != null ? configuredExecutable(configured) : search();
        return new HelmBinary(executable, checkedVersion(executable));
    }

    /** The first helm on the search path, without running it. */
    public Optional<Path> find() {
        for (Path dir : searchPath.allDirs()) {
            Path candidate = dir.resolve(searchPath.executableName());
            if (isExecutableFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private Path search() {
        return find().orElseThrow(() -> TaskConsoleException.badInput(
                "helm was not found on PATH or in " + searchPath.installDirs().stream()
                        .map(Path::toString).collect(Collectors.joining(", ")),
                "Install helm v3 (" + INSTALL_URL + ") or set its path in Settings / --helm."));
    }

    private Path configuredExecutable(Path configured) {
        Path candidate = Files.isDirectory(configured) ? configured.resolve(searchPath.executableName()) : configured;
        if (!Files.exists(candidate)) {
            throw TaskConsoleException.badInput(
                    "The configured helm " + candidate + " does not exist",
                    "Correct the helm path in Settings / --helm, or clear it to search PATH.");
        }
        if (!isExecutableFile(candidate)) {
            throw TaskConsoleException.badInput(
                    "The configured helm " + candidate + " is not an executable file",
                    "Point Settings / --helm at the helm program itself (chmod +x it if needed).");
        }
        return candidate.toAbsolutePath();
    }

    private String checkedVersion(Path executable) {
        String output = runVersion(executable);
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw TaskConsoleException.badInput(
                    executable + " did not report a helm version (it printed: " + abbreviate(output) + ")",
                    "Install helm v3 (" + INSTALL_URL + ") or point Settings / --helm at it.");
        }
        String version = m.group().startsWith("v") ? m.group() : "v" + m.group();
        if (!m.group(1).equals("3")) {
            throw TaskConsoleException.badInput(
                    "The helm at " + executable + " is " + version + ", but Task Console needs helm v3",
                    "Install helm v3 (" + INSTALL_URL + ") or point Settings / --helm at a v3 binary.");
        }
        return version;
    }

    private String runVersion(Path executable) {
        HelmCommand version = HelmCommand.of(new HelmBinary(executable, ""), List.of("version", "--short"));
        List<String> output = new ArrayList<>();
        OutputListener collect = (stream, line) -> {
            if (stream != OutputListener.Stream.INFO) {
                synchronized (output) {
                    if (output.size() < MAX_VERSION_LINES) {
                        output.add(line);
                    }
                }
            }
        };
        HelmResult result;
        try {
            result = versionRunner.start(version, collect, versionTimeout).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskConsoleException.cancelled("Checking the helm version was interrupted");
        }
        if (result.timedOut()) {
            throw TaskConsoleException.failed(
                    executable + " version --short did not answer within " + versionTimeout.toSeconds() + " s",
                    "Check that " + executable + " is helm v3 (helm 2 waits for Tiller), or set another path in Settings / --helm.",
                    null);
        }
        synchronized (output) {
            return String.join("\n", output).strip();
        }
    }

    private static boolean isExecutableFile(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }

    private static String abbreviate(String text) {
        String oneLine = text.isBlank() ? "nothing" : "'" + text.replaceAll("\\s+", " ") + "'";
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "...'" : oneLine;
    }
}
