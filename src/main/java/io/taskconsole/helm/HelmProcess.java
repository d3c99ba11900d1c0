package io.taskconsole.helm;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.helm.OutputListener.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running helm command, started by {@link HelmRunner}: cancel it, wait for it, or react when it
 * ends. The result is only complete once both output streams have been read to their end, so
 * every line reached the listener before {@link #await()} returns.
 */
public final class HelmProcess {

    static final int STDERR_TAIL_LINES = 20;
    private static final int STDERR_TAIL_LINE_CHARS = 2000;
    /** After helm exits, how long its output may stay silent before a leftover child is assumed to hold it. */
    private static final long READER_STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final System.Logger LOG = System.getLogger(HelmProcess.class.getName());

    private enum Ending { CANCELLED, TIMED_OUT }

    private final HelmCommand command;
    private final Process process;
    private final OutputListener listener;
    private final Duration cancelGrace;
    private final long startNanos = System.nanoTime();
    private final AtomicReference<Ending> ending = new AtomicReference<>();
    private final AtomicBoolean listenerBroken = new AtomicBoolean();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final CompletableFuture<HelmResult> result = new CompletableFuture<>();
    private final Set<ProcessHandle> tree = new LinkedHashSet<>();
    private volatile long lastOutputNanos = System.nanoTime();

    private HelmProcess(HelmCommand command, Process process, OutputListener listener, Duration cancelGrace) {
        this.command = command;
        this.process = process;
        this.listener = listener;
        this.cancelGrace = cancelGrace;
    }

    static HelmProcess started(HelmCommand command, Process process, OutputListener listener, Duration watchdog,
            Duration cancelGrace) {
        HelmProcess helm = new HelmProcess(command, process, listener, cancelGrace);
        helm.deliver(Stream.INFO, "$ " + command.display());
        Thread out = helm.reader(process.getInputStream(), Stream.STDOUT);
        Thread err = helm.reader(process.getErrorStream(), Stream.STDERR);
        Thread waiter = new Thread(() -> helm.waitForEnd(watchdog, out, err), "helm-" + process.pid() + "-waiter");
        waiter.setDaemon(true);
        out.start();
        err.start();
        waiter.start();
        return helm;
    }

    public HelmCommand command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return !result.isDone();
    }

    /**
     * Asks helm to stop (SIGTERM) and, if it is still running after the grace period, kills it
     * and every process it started. Returns at once; the result then says {@code cancelled}.
     * Does nothing once helm has ended.
     */
    public void cancel() {
        if (process.isAlive() && ending.compareAndSet(null, Ending.CANCELLED)) {
            deliver(Stream.INFO, "Cancelling helm (pid " + process.pid() + ")");
            terminate();
        }
    }

    /** Waits until helm has ended and its output has been delivered. */
    public HelmResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for helm failed", e.getCause());
        }
    }

    /** Like {@link #await()}, but gives up after {@code timeout}; empty means helm is still running. */
    public Optional<HelmResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for helm failed", e.getCause());
        }
    }

    /**
     * Waits for helm and turns anything but success into a {@link TaskConsoleException}
     * (see {@link HelmFailure}).
     */
    public HelmResult awaitSuccess() throws InterruptedException {
        HelmResult done = await();
        if (!done.succeeded()) {
            throw HelmFailure.exception(command, done);
        }
        return done;
    }

    /** Completes with the result once helm has ended and its output has been delivered. */
    public CompletableFuture<HelmResult> onExit() {
        return result.copy();
    }

    private Thread reader(InputStream in, Stream stream) {
        Thread thread = new Thread(() -> read(in, stream), "helm-" + process.pid() + "-" + stream.name().toLowerCase(Locale.ROOT));
        thread.setDaemon(true);
        return thread;
    }

    private void read(InputStream in, Stream stream) {
        try (in) {
            new LineSplitter(LineSplitter.DEFAULT_MAX_LINE_BYTES).split(in, line -> {
                lastOutputNanos = System.nanoTime();
                if (stream == Stream.STDERR) {
                    rememberStderr(line);
                }
                deliver(stream, line);
                lastOutputNanos = System.nanoTime();
            });
        } catch (IOException e) {
            if (process.isAlive()) {
                deliver(Stream.INFO, "Reading helm's " + stream.name().toLowerCase(Locale.ROOT)
                        + " failed: " + e.getMessage());
            }
        }
    }

    private void waitForEnd(Duration watchdog, Thread out, Thread err) {
        try {
            if (!process.waitFor(watchdog.toNanos(), TimeUnit.NANOSECONDS)
                    && ending.compareAndSet(null, Ending.TIMED_OUT)) {
                deliver(Stream.INFO, "helm is still running after " + seconds(watchdog) + "; stopping it");
                terminate();
            }
            int exitCode = process.waitFor();
            awaitReaders(out, err);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            Ending end = ending.get();
            HelmResult done = new HelmResult(exitCode, took, end == Ending.CANCELLED, end == Ending.TIMED_OUT, tail());
            deliver(Stream.INFO, summary(done));
            result.complete(done);
        } catch (InterruptedException e) {
            // Only daemon threads of this class are ever interrupted this way; end helm with them.
            ProcessTree.killForcibly(process);
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void awaitReaders(Thread out, Thread err) throws InterruptedException {
        for (Thread reader : List.of(out, err)) {
            while (reader.isAlive()) {
                reader.join(200);
                if (reader.isAlive() && System.nanoTime() - lastOutputNanos > READER_STALL_NANOS) {
                    deliver(Stream.INFO, "helm ended but its output is still open, probably held by a process it"
                            + " started; not waiting for more output");
                    return;
                }
            }
        }
    }

    /** SIGTERM now; after the grace period, SIGKILL to helm and every process it started. */
    private void terminate() {
        synchronized (tree) {
            tree.addAll(ProcessTree.descendants(process));
        }
        process.destroy();
        CompletableFuture.delayedExecutor(cancelGrace.toNanos(), TimeUnit.NANOSECONDS).execute(this::killTree);
    }

    private void killTree() {
        List<ProcessHandle> victims;
        synchronized (tree) {
            tree.addAll(ProcessTree.descendants(process));
            victims = new ArrayList<>(tree);
        }
        boolean helmAlive = process.isAlive();
        if (helmAlive) {
            deliver(Stream.INFO, "helm did not stop within " + seconds(cancelGrace) + " of SIGTERM; killing it");
            process.destroyForcibly();
        }
        ProcessTree.killForcibly(victims);
    }

    private void rememberStderr(String line) {
        String kept = line.length() > STDERR_TAIL_LINE_CHARS ? line.substring(0, STDERR_TAIL_LINE_CHARS) + " …" : line;
        synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(kept);
        }
    }

    private List<String> tail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    private void deliver(Stream stream, String line) {
        if (listenerBroken.get()) {
            return;
        }
        try {
            listener.onLine(stream, line);
        } catch (RuntimeException e) {
            if (listenerBroken.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "The helm output listener failed; further output of pid "
                        + process.pid() + " is read but not shown", e);
            }
        }
    }

    private static String summary(HelmResult done) {
        String how = done.cancelled() ? "was cancelled" : done.timedOut() ? "timed out" : "exited with " + done.exitCode();
        return "helm " + how + " after " + seconds(done.duration());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
