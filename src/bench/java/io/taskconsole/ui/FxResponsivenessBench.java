package io.taskconsole.ui;

import io.taskconsole.bench.SampleMarkdown;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import org.fxmisc.richtext.CodeArea;
import javafx.stage.Stage;

/**
 * How responsive the real console stays on the FX thread: typing into a 200 KB {@code task.md}
 * (with the preview and criteria re-rendered after each pause, as in use), and the log panel taking
 * in 100,000 lines. A pause is the longest gap between two consecutive JavaFX pulses seen by an
 * {@link AnimationTimer} (about 16.7 ms when nothing blocks the thread). In package
 * {@code io.taskconsole.ui} to reach the console's view models, as the GUI tests do.
 */
public final class FxResponsivenessBench {

    /** Figures in milliseconds. */
    public record Figures(int typedChars, long typingMaxPauseMs, int typingLongPauses, int logLines, long logIngestMs,
                          long logMaxPauseMs, int logLongPauses) {
    }

    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    private final AtomicLong longGaps = new AtomicLong();
    private static final long LONG_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    public static Figures run(Path temp, int typedChars, int logLines) throws Exception {
        return new FxResponsivenessBench().measure(temp, typedChars, logLines);
    }

    private Figures measure(Path temp, int typedChars, int logLines) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        DesktopSession console = onFx(() -> {
            DesktopSession c = new DesktopSession(new StartupOptions(false, temp.resolve("workspace")), temp.resolve("config"),
                    CoreAdapters.real());
            c.onExit(() -> { });
            c.start(new Stage());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = lastPulse.getAndSet(now);
                    if (previous != 0) {
                        maxGap.accumulateAndGet(now - previous, Math::max);
                        if (now - previous > LONG_GAP_NANOS) {
                            longGaps.incrementAndGet();
                        }
                    }
                }
            }.start();
            return c;
        });
        waitUntil(() -> onFx(() -> console.editor.document(TaskFile.TASK_MD).isPresent()), 60);

        CodeArea area = onFx(() -> editorArea(console));
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
        long typingPause = maxGapMs();
        int typingLong = (int) longGaps.get();
        int typedLength = onFx(() -> area.getLength());
        if (typedLength != big.length() + typedChars) {
            throw new IllegalStateException("typing did not reach the editor: " + typedLength + " chars, expected "
                    + (big.length() + typedChars));
        }

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
        Platform.exit();
        return new Figures(typedChars, typingPause, typingLong, logLines, ingestMs, logPause, (int) longGaps.get());
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
        lastPulse.set(0);
        maxGap.set(0);
        longGaps.set(0);
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
