package io.taskconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one packaged app (its jpackage launcher) on an X display and measures, from the moment the
 * process is started: when the X server maps a top-level window with the expected title (seen by
 * {@code xev} on the root window, so it works for any app without its help), and when the app
 * prints its own {@code startup-marker window-shown|editor-ready <epoch-ms>} lines, if it does.
 * Optionally it waits and reads the process's resident memory ({@code VmRSS}).
 */
final class StartupProbe {

    private static final Pattern MAP_NOTIFY = Pattern.compile("^\\s*event 0x\\p{XDigit}+, window (0x\\p{XDigit}+)");
    private static final Pattern MARKER = Pattern.compile("^startup-marker (\\S+) (\\d+)");

    private final Path launcher;
    private final String windowTitle;
    private final String display;
    private final Path home;
    private final Duration timeout;

    StartupProbe(Path launcher, String windowTitle, String display, Path home, Duration timeout) {
        this.launcher = launcher;
        this.windowTitle = windowTitle;
        this.display = display;
        this.home = home;
        this.timeout = timeout;
    }

    /** What one start showed; times in milliseconds since the process was started, empty if not seen. */
    record Start(Optional<Long> windowMappedMs, Optional<Long> windowShownMarkerMs, Optional<Long> firstFrameMarkerMs,
                 Optional<Long> editorReadyMarkerMs, Optional<RssBreakdown> idleRss) {

        Optional<Long> idleRssKb() {
            return idleRss.map(RssBreakdown::totalKb);
        }
    }

    Start run(Duration idleBeforeRss) throws IOException, InterruptedException {
        Files.createDirectories(home);
        writeKubeconfig();
        Process xev = new ProcessBuilder("stdbuf", "-oL", "xev", "-root", "-event", "substructure", "-event", "property")
                .redirectErrorStream(true).start();
        xev.getOutputStream().close();
        Map<String, Long> mappedAt = new ConcurrentHashMap<>();
        CountDownLatch xevReady = new CountDownLatch(1);
        Thread xevReader = daemon(() -> readXev(xev, mappedAt, xevReady));
        xevReader.start();
        // xev prints nothing when it starts: poke a root-window property until it reports that, so no
        // window can be mapped before xev listens (it happens on a loaded machine).
        for (int i = 0; i < 100 && !xevReady.await(100, TimeUnit.MILLISECONDS); i++) {
            Process poke = new ProcessBuilder("xprop", "-root", "-f", "_TASKCONSOLE_BENCH", "8s", "-set",
                    "_TASKCONSOLE_BENCH", "ready").redirectErrorStream(true).start();
            poke.getOutputStream().close();
            poke.getInputStream().readAllBytes();
            poke.waitFor(5, TimeUnit.SECONDS);
        }

        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.environment().put("HOME", home.toString());
        // Java 17 takes user.home from the password database, not from HOME.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        builder.environment().put("TASKCONSOLE_STARTUP_MARKERS", "1");
        long startNanos = System.nanoTime();
        long startEpochMs = System.currentTimeMillis();
        Process app = builder.start();
        app.getOutputStream().close();
        Map<String, Long> markers = new ConcurrentHashMap<>();
        Thread appReader = daemon(() -> readMarkers(app, markers));
        appReader.start();
        try {
            Optional<Long> mapped = waitForWindow(app, mappedAt, startNanos);
            waitForMarker(markers, "editor-ready", Duration.ofSeconds(mapped.isPresent() ? 5 : 1));
            // The hello-world's editor is ready before its first frame is laid out.
            waitForMarker(markers, "first-frame", Duration.ofSeconds(mapped.isPresent() ? 2 : 0));
            Optional<RssBreakdown> rss = Optional.empty();
            if (!idleBeforeRss.isZero() && app.isAlive()) {
                Thread.sleep(idleBeforeRss.toMillis());
                rss = RssBreakdown.read(app.pid());
            }
            return new Start(mapped, sinceStart(markers.get("window-shown"), startEpochMs),
                    sinceStart(markers.get("first-frame"), startEpochMs),
                    sinceStart(markers.get("editor-ready"), startEpochMs), rss);
        } finally {
            stop(app);
            xev.destroy();
            xev.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Optional<Long> waitForWindow(Process app, Map<String, Long> mappedAt, long startNanos)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> checked = new ArrayList<>();
        while (System.nanoTime() < deadline && app.isAlive()) {
            Map<String, Long> snapshot = new LinkedHashMap<>(mappedAt);
            for (Map.Entry<String, Long> window : snapshot.entrySet()) {
                if (window.getValue() >= startNanos && !checked.contains(window.getKey())) {
                    if (windowName(window.getKey()).contains(windowTitle)) {
                        return Optional.of(TimeUnit.NANOSECONDS.toMillis(window.getValue() - startNanos));
                    }
                    if (!windowName(window.getKey()).isEmpty()) {
                        checked.add(window.getKey());
                    }
                }
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    private String windowName(String windowId) throws IOException, InterruptedException {
        Process xprop = new ProcessBuilder("xprop", "-id", windowId, "WM_NAME").redirectErrorStream(true).start();
        xprop.getOutputStream().close();
        String out = new String(xprop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        xprop.waitFor(5, TimeUnit.SECONDS);
        int quote = out.indexOf('"');
        return quote < 0 ? "" : out.substring(quote + 1, Math.max(quote + 1, out.lastIndexOf('"')));
    }

    private static void waitForMarker(Map<String, Long> markers, String name, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!markers.containsKey(name) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Optional<Long> sinceStart(Long epochMs, long startEpochMs) {
        return epochMs == null ? Optional.empty() : Optional.of(epochMs - startEpochMs);
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(10, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void readXev(Process xev, Map<String, Long> mappedAt, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            boolean inMapNotify = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                if (line.startsWith("PropertyNotify event")) {
                    ready.countDown();
                }
                if (line.startsWith("MapNotify event")) {
                    inMapNotify = true;
                    continue;
                }
                Matcher m = MAP_NOTIFY.matcher(line);
                if (inMapNotify && m.find()) {
                    mappedAt.putIfAbsent(m.group(1), now);
                }
                inMapNotify = false;
            }
        } catch (IOException e) {
            // xev ended; the probe reports no window
        } finally {
            ready.countDown();
        }
    }

    private static void readMarkers(Process app, Map<String, Long> markers) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = MARKER.matcher(line);
                if (m.find()) {
                    markers.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "startup-probe-reader");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A user of the app has a kubeconfig, which the app reads at startup to list its contexts: the
     * same file in both apps' home (the hello-world ignores it). Nothing connects to its server.
     */
    private void writeKubeconfig() throws IOException {
        Path config = home.resolve(".kube").resolve("config");
        if (Files.exists(config)) {
            return;
        }
        Files.createDirectories(config.getParent());
        Files.writeString(config, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "current-context: bench",
                "clusters:",
                "- name: bench",
                "  cluster: {server: \"https://127.0.0.1:1\"}",
                "contexts:",
                "- name: bench",
                "  context: {cluster: bench, user: bench, namespace: orchestrator}",
                "users:",
                "- name: bench",
                "  user: {token: placeholder-not-a-credential}",
                ""));
    }
}
