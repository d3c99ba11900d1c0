package io.taskconsole.ui;

import io.taskconsole.bench.SampleMarkdown;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import javafx.stage.Stage;
import tools.jackson.databind.json.JsonMapper;

/**
 * How responsive the real console stays on the FX thread: typing into a 200 KB {@code task.md}
 * (with the preview and criteria re-rendered after each pause, as in use), and the log panel taking
 * in 100,000 lines. A pause is the longest gap between two consecutive JavaFX pulses seen by an
 * {@link AnimationTimer} (about 16.7 ms when nothing blocks the thread). In package
 * {@code io.taskconsole.ui} to reach the console's view models, as the GUI tests do.
 */
public final class FxResponsivenessBench {

    /** Figures in milliseconds. */
    public record Figures(Typing typing, int logLines, long logIngestMs, long logMaxPauseMs, double logP99Ms,
                          int logLongPauses, BigFile bigFile, AgentLog agentLog) {
    }

    /** Typing's pauses: the longest gap between pulses, their 99th percentile, and gaps over 100 ms. */
    public record Typing(int typedChars, long maxPauseMs, double p99Ms, int longPauses) {
    }

    /** Following a running attempt's agent log of {@code lines} lines in the Attempts view's container log. */
    public record AgentLog(int lines, long followMs, long maxPauseMs, double p99Ms, int longPauses) {
    }

    /**
     * Opening a 1 MB {@code task.md} (from the open request to its text in the editor, and to the
     * first visible line styled), then pasting 1 MB into it (until the text is in, and the longest
     * pause over the next seconds while preview, criteria and highlighting catch up).
     */
    public record BigFile(int bytes, long openToTextMs, long openToStyledMs, long openMaxPauseMs, long pasteToTextMs,
                          long pasteMaxPauseMs, double pasteP99Ms) {
    }

    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    private final AtomicLong longGaps = new AtomicLong();
    /** Every gap since the last reset, in nanoseconds; touched on the FX thread only. */
    private final List<Long> gaps = new ArrayList<>();
    private static final long LONG_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long GAP_TO_PRINT_NANOS = TimeUnit.MILLISECONDS.toNanos(40);

    /** The line before the figures' JSON on standard output, when run in a JVM of its own. */
    public static final String FIGURES_LINE = "fx-responsiveness-figures ";

    public static Figures run(Path temp, int typedChars, int logLines) throws Exception {
        return new FxResponsivenessBench().measure(temp, typedChars, logLines);
    }

    /** The line before the editor-alone reference's JSON on standard output. */
    public static final String EDITOR_ALONE_LINE = "fx-editor-alone-figures ";

    /**
     * Runs in a JVM started with the app-image's own options (its garbage collector and heap sizes
     * decide the pauses), and prints the figures as one JSON line: {@code TEMP_DIR TYPED_CHARS LOG_LINES}
     * for the console, {@code --editor-alone TYPED_CHARS} for the typing reference.
     */
    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        if (args[0].equals("--editor-alone")) {
            Typing typing = new FxResponsivenessBench().measureEditorAlone(Integer.parseInt(args[1]));
            System.out.println(EDITOR_ALONE_LINE + json.writeValueAsString(typing));
        } else {
            Figures figures = run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            System.out.println(FIGURES_LINE + json.writeValueAsString(figures));
        }
        System.exit(0);
    }

    private Figures measure(Path temp, int typedChars, int logLines) throws Exception {
        startJavaFx();
        DesktopSession console = onFx(() -> {
            DesktopSession c = new DesktopSession(new StartupOptions(false, temp.resolve("workspace")), temp.resolve("config"),
                    CoreAdapters.real());
            c.onExit(() -> { });
            c.start(new Stage());
            watchPulses();
            return c;
        });
        waitUntil(() -> onFx(() -> console.editor.document(TaskFile.TASK_MD).isPresent()), 60);

        CodeArea area = onFx(() -> editorArea(console));
        Typing typing = type(area, typedChars);

        resetPauses();
        OutputListener listener = console.log.listener();
        long start = System.nanoTime();
        for (int i = 1; i <= logLines; i++) {
            listener.onLine(OutputListener.Stream.STDOUT, "client.go:" + i
                    + "] \u001b[32mcreated\u001b[0m ConfigMap orchestrator/auth-service-task-1001-run-" + i + "-files");
        }
        String last = "-run-" + logLines + "-files";
        waitUntil(() -> onFx(() -> !console.log.lines().isEmpty()
                && console.log.lines().get(console.log.lines().size() - 1).plain().endsWith(last)), 300);
        long ingestMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Thread.sleep(200);
        long logPause = maxGapMs();
        double logP99 = p99Ms();
        int logLong = (int) longGaps.get();
        BigFile bigFile = bigFile(console, temp);
        AgentLog agentLog = agentLog(temp, logLines);
        Platform.exit();
        return new Figures(typing, logLines, ingestMs, logPause, logP99, logLong, bigFile, agentLog);
    }

    /**
     * The reference for typing: the same text typed the same way into RichTextFX's {@code CodeArea}
     * alone (line numbers, AtlantaFX, the console's window size), with nothing of Task Console: no
     * highlighting, model, preview or criteria. What the editor issue 15 asks for costs by itself.
     */
    private Typing measureEditorAlone(int typedChars) throws Exception {
        startJavaFx();
        CodeArea area = onFx(() -> {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            CodeArea alone = new CodeArea();
            alone.setParagraphGraphicFactory(LineNumberFactory.get(alone));
            Stage stage = new Stage();
            stage.setScene(new Scene(new VirtualizedScrollPane<>(alone), 1360, 860));
            stage.show();
            watchPulses();
            return alone;
        });
        Typing typing = type(area, typedChars);
        Platform.exit();
        return typing;
    }

    /**
     * Types {@code typedChars} characters, one every 50 ms, into the middle of a 200 KB Markdown text
     * put in {@code area}, and reports the pauses from the first key until 2 s after the last.
     */
    private Typing type(CodeArea area, int typedChars) throws InterruptedException {
        String big = SampleMarkdown.ofSize(200 * 1024);
        onFx(() -> {
            area.replaceText(big);
            area.moveTo(big.length() / 2);
            area.requestFocus();
            return null;
        });
        Thread.sleep(3000);
        resetPauses();
        for (int i = 0; i < typedChars; i++) {
            char c = i % 12 == 11 ? ' ' : (char) ('a' + i % 26);
            Platform.runLater(() -> area.replaceSelection(String.valueOf(c)));
            Thread.sleep(50);
        }
        Thread.sleep(2000);
        Typing typing = new Typing(typedChars, maxGapMs(), p99Ms(), (int) longGaps.get());
        int typedLength = onFx(() -> area.getLength());
        if (typedLength != big.length() + typedChars) {
            throw new IllegalStateException("typing did not reach the editor: " + typedLength + " chars, expected "
                    + (big.length() + typedChars));
        }
        return typing;
    }

    private static void startJavaFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        TaskConsoleApp.configureJavaFx(); // as the app starts JavaFX
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
    }

    /** Records the gap between every two pulses from now on; on the FX thread. */
    private void watchPulses() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = lastPulse.getAndSet(now);
                if (previous != 0) {
                    maxGap.accumulateAndGet(now - previous, Math::max);
                    gaps.add(now - previous);
                    if (now - previous > LONG_GAP_NANOS) {
                        longGaps.incrementAndGet();
                    }
                    if (now - previous > GAP_TO_PRINT_NANOS) {
                        // For reading a profile of this JVM: which moments the FX thread was held.
                        long end = System.currentTimeMillis();
                        System.out.println("bench-gap " + (end - TimeUnit.NANOSECONDS.toMillis(now - previous)) + " " + end);
                    }
                }
            }
        }.start();
    }

    private BigFile bigFile(DesktopSession console, Path temp) throws Exception {
        int bytes = 1024 * 1024;
        String big = SampleMarkdown.ofSize(bytes);
        Path folder = SampleTask.create(temp.resolve("big-workspace")).folder();
        Files.writeString(folder.resolve(TaskFile.TASK_MD), big);
        Thread.sleep(1000);
        resetPauses();
        // Read at each frame, not by polling: a poll from another thread waits behind the very layout
        // pass that first draws the file, and reported that wait. A frame's post-layout pass is the
        // scene as it is handed to the renderer, so these are the first frames the user could see
        // with the text, and with its first line highlighted.
        Scene scene = onFx(() -> console.stage().getScene());
        AtomicLong textFrame = new AtomicLong();
        AtomicLong styledFrame = new AtomicLong();
        Runnable frames = () -> {
            CodeArea area = textFrame.get() == 0 || styledFrame.get() == 0 ? areaOfLength(console, big.length()) : null;
            if (area != null) {
                long now = System.nanoTime();
                textFrame.compareAndSet(0, now);
                // The sample opens with a heading: its first characters are styled once highlighting arrives.
                if (!area.getStyleOfChar(2).isEmpty()) {
                    styledFrame.compareAndSet(0, now);
                }
            }
        };
        long start = System.nanoTime();
        onFx(() -> {
            scene.addPostLayoutPulseListener(frames);
            console.editor.open(folder, TaskFile.TASK_MD, draft -> { });
            return null;
        });
        waitUntil(() -> styledFrame.get() != 0, 60);
        onFx(() -> {
            scene.removePostLayoutPulseListener(frames);
            return null;
        });
        long toText = ms(textFrame.get() - start);
        long toStyled = ms(styledFrame.get() - start);
        // The area of that length is the file opened, character for character (checked once: comparing
        // 1 MB of text at each frame would itself hold the FX thread).
        CodeArea area = onFx(() -> showing(console, big));
        if (area == null) {
            throw new IllegalStateException("the editor does not show the 1 MB file opened");
        }
        Thread.sleep(3000);
        long openPause = maxGapMs();

        resetPauses();
        long pasteStart = System.nanoTime();
        onFx(() -> {
            area.moveTo(area.getLength());
            area.replaceSelection(big);
            return null;
        });
        waitUntil(() -> onFx(() -> area.getLength() == 2 * big.length()), 60);
        long toPasted = ms(System.nanoTime() - pasteStart);
        Thread.sleep(5000);
        return new BigFile(bytes, toText, toStyled, openPause, toPasted, maxGapMs(), p99Ms());
    }

    private AgentLog agentLog(Path temp, int lines) throws Exception {
        try (AgentLogFollowPhase phase = new AgentLogFollowPhase()) {
            Path dir = java.nio.file.Files.createDirectories(temp.resolve("agent-log"));
            phase.startCluster(dir, lines);
            onFx(() -> {
                phase.prepare(dir);
                return null;
            });
            waitUntil(() -> onFx(phase::attemptListed), 60);
            Thread.sleep(1000);
            resetPauses();
            long start = System.nanoTime();
            onFx(() -> {
                phase.follow();
                return null;
            });
            waitUntil(() -> onFx(phase::lastLineListed), 300);
            long followMs = ms(System.nanoTime() - start);
            Thread.sleep(500);
            return new AgentLog(lines, followMs, maxGapMs(), p99Ms(), (int) longGaps.get());
        }
    }

    /** A visible editor area holding {@code length} characters, or null; cheap enough for every frame. */
    private static CodeArea areaOfLength(DesktopSession console, int length) {
        for (Node node : console.stage().getScene().getRoot().lookupAll(".markdown-editor")) {
            if (node instanceof CodeArea area && area.isVisible() && area.getLength() == length) {
                return area;
            }
        }
        return null;
    }

    /** The editor's area when it shows exactly {@code text}, or null. */
    private static CodeArea showing(DesktopSession console, String text) {
        for (Node node : console.stage().getScene().getRoot().lookupAll(".markdown-editor")) {
            if (node instanceof CodeArea area && area.isVisible() && area.getLength() == text.length()
                    && area.getText().equals(text)) {
                return area;
            }
        }
        return null;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static CodeArea editorArea(DesktopSession console) {
        for (Node node : console.stage().getScene().getRoot().lookupAll(".markdown-editor")) {
            if (node instanceof CodeArea area && area.isVisible() && area.isEditable()
                    && area.getText().equals(console.editor.document(TaskFile.TASK_MD).orElseThrow().text())) {
                return area;
            }
        }
        throw new IllegalStateException("no editor CodeArea shows task.md");
    }

    private void resetPauses() {
        // Where each phase starts, for reading a profile or GC log of this JVM against the phases.
        System.out.println("bench-phase-start " + System.currentTimeMillis());
        onFx(() -> {
            lastPulse.set(0);
            maxGap.set(0);
            longGaps.set(0);
            gaps.clear();
            return null;
        });
    }

    /** The 99th percentile of the gaps between pulses since the last reset, in milliseconds. */
    private double p99Ms() {
        List<Long> sorted = onFx(() -> new ArrayList<>(gaps));
        if (sorted.isEmpty()) {
            return 0;
        }
        sorted.sort(Long::compare);
        int index = Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }

    private long maxGapMs() {
        return TimeUnit.NANOSECONDS.toMillis(maxGap.get());
    }

    private static void waitUntil(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }

    private static <T> T onFx(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
