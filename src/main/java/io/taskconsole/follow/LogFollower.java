package io.taskconsole.follow;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one container's log: the whole of it once the container has ended, or following it while it
 * runs. A follow that ends early (a dropped connection, a proxy's timeout) is picked up again with
 * {@code sinceTime}; the API server takes that time in whole seconds and sends again the lines of that
 * second, so lines are told apart by their times and none is passed on twice. A line cut off by a
 * dropped connection is left for the next read, which sends it whole.
 *
 * <p>Each new line also goes to the {@link LogCopy}, which this reader starts from: lines the copy
 * already has are shown from it and not fetched twice, and when the pod is gone the copy is all there is.
 */
public final class LogFollower implements AutoCloseable {

    /** Where the lines go, on the reading thread. */
    public interface Sink {
        void line(String text);

        /** Something the reader has to say about the log: that it is gone, that it waits for the container. */
        void note(String message);
    }

    /** How reading the log ended. */
    public enum Ending {
        /** The container ended and its log was read to the end. */
        COMPLETE,
        /** The pod is gone (Kubernetes deleted it): only the copy was shown, if there is one. */
        POD_GONE,
        /** Not following, and the container has not started: no log yet. */
        NOT_STARTED,
        /** Closed before the log ended. */
        STOPPED
    }

    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;
    private final LogCopy copy;
    private volatile boolean closed;
    private volatile LogWatch current;
    private Instant lastTime;
    private int atLastTime;

    public LogFollower(KubernetesClient client, String namespace, String pod, String container, LogCopy copy) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.copy = copy;
    }

    /**
     * Passes the container's log to {@code sink}: what the copy has, then what the cluster has beyond it;
     * with {@code follow}, until the container ends.
     */
    public Ending read(boolean follow, Sink sink) throws IOException {
        for (LogLines kept : copy.read()) {
            sink.line(kept.text());
            seen(kept);
        }
        Duration wait = FIRST_WAIT;
        boolean toldWaiting = false;
        while (!closed) {
            Pod p = client.pods().inNamespace(namespace).withName(pod).get();
            if (p == null) {
                sink.note(gone());
                return Ending.POD_GONE;
            }
            boolean ended = ended(p);
            if (!ended && !started(p)) {
                if (!follow) {
                    sink.note("Container " + container + " of pod " + pod + " has not started yet: no log.");
                    return Ending.NOT_STARTED;
                }
                if (!toldWaiting) {
                    sink.note("Waiting for container " + container + " of pod " + pod + " to start...");
                    toldWaiting = true;
                }
                pause(wait);
                wait = longer(wait);
                continue;
            }
            try {
                if (ended || !follow) {
                    deliver(fetchWhole(), sink);
                    return Ending.COMPLETE;
                }
                wait = followOnce(sink) > 0 ? FIRST_WAIT : longer(wait);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    sink.note(gone());
                    return Ending.POD_GONE;
                }
                if (e.getCode() != 400 || !follow) {
                    throw e;
                }
                // 400: the container is between states (waiting to start, restarting); ask again.
            }
            if (!closed) {
                pause(wait);
            }
        }
        return Ending.STOPPED;
    }

    private String gone() {
        return "The log of container " + container + " can no longer be fetched: pod " + pod + " is gone"
                + (copy.exists() ? " (the lines above are the copy kept in " + copy.path() + ")."
                : " and no copy was kept on this machine.");
    }

    private boolean ended(Pod p) {
        return status(p).map(s -> s.getState() != null && s.getState().getTerminated() != null).orElse(false)
                || "Succeeded".equals(phase(p)) || "Failed".equals(phase(p));
    }

    private boolean started(Pod p) {
        return status(p).map(s -> s.getState() != null && (s.getState().getRunning() != null
                || s.getState().getTerminated() != null)).orElse(false);
    }

    private static String phase(Pod p) {
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    private java.util.Optional<io.fabric8.kubernetes.api.model.ContainerStatus> status(Pod p) {
        if (p.getStatus() == null) {
            return java.util.Optional.empty();
        }
        List<io.fabric8.kubernetes.api.model.ContainerStatus> all = new ArrayList<>();
        if (p.getStatus().getInitContainerStatuses() != null) {
            all.addAll(p.getStatus().getInitContainerStatuses());
        }
        if (p.getStatus().getContainerStatuses() != null) {
            all.addAll(p.getStatus().getContainerStatuses());
        }
        return all.stream().filter(s -> container.equals(s.getName())).findFirst();
    }

    /** Without fabric8's wait for the pod to be ready: an init container's log is wanted before that. */
    private TimeTailPrettyLoggable request() {
        return client.pods().inNamespace(namespace).withName(pod).inContainer(container).withReadyWaitTimeout(0)
                .usingTimestamps();
    }

    private String since() {
        return lastTime.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Everything from where this reader is, a last line without its newline included. */
    private String fetchWhole() {
        return lastTime == null ? request().getLog() : request().sinceTime(since()).getLog();
    }

    /**
     * One follow connection, read until it ends, lines passed on as they arrive; a last line without
     * its newline (the connection dropped mid-line) is left for the next read. Returns how many lines
     * were new.
     */
    private int followOnce(Sink sink) throws IOException {
        Response response = new Response();
        try (LogWatch watch = lastTime == null ? request().watchLog() : request().sinceTime(since()).watchLog()) {
            current = watch;
            InputStream in = watch.getOutput();
            ByteArrayOutputStream partial = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while (!closed && (n = in.read(buffer)) >= 0) {
                    // A line's bytes are copied a run at a time (a 100,000-line log is megabytes).
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            partial.write(buffer, start, i - start);
                            response.line(partial.toString(StandardCharsets.UTF_8));
                            partial.reset();
                            start = i + 1;
                        }
                    }
                    partial.write(buffer, start, n - start);
                    response.flush(sink);
                }
            } catch (IOException e) {
                // the connection dropped: what arrived is kept, the next read goes on from it
            }
            response.flush(sink);
            return response.delivered;
        } finally {
            current = null;
        }
    }

    private int deliver(String text, Sink sink) throws IOException {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Response response = new Response();
        String[] raws = text.split("\n", -1);
        int count = text.endsWith("\n") ? raws.length - 1 : raws.length;
        for (int i = 0; i < count; i++) {
            response.line(raws[i]);
        }
        response.flush(sink);
        return response.delivered;
    }

    /**
     * The lines of one answer. It starts at {@code sinceTime}, the whole second of the last line read,
     * so it repeats lines before that line and the ones sharing its time: those are skipped.
     */
    private final class Response {
        private final Instant base = lastTime;
        private final int baseCount = atLastTime;
        private final List<LogLines> fresh = new ArrayList<>();
        private int repeated;
        private int delivered;

        void line(String raw) {
            LogLines line = LogLines.parse(raw);
            if (line.time() != null && base != null) {
                if (line.time().isBefore(base)) {
                    return;
                }
                if (line.time().equals(base) && repeated < baseCount) {
                    repeated++;
                    return;
                }
            }
            fresh.add(line);
            seen(line);
        }

        void flush(Sink sink) throws IOException {
            if (fresh.isEmpty()) {
                return;
            }
            copy.append(fresh);
            fresh.forEach(l -> sink.line(l.text()));
            delivered += fresh.size();
            fresh.clear();
        }
    }

    private void seen(LogLines line) {
        if (line.time() == null) {
            return;
        }
        if (line.time().equals(lastTime)) {
            atLastTime++;
        } else {
            lastTime = line.time();
            atLastTime = 1;
        }
    }

    private static Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
    }

    private void pause(Duration wait) {
        if (!sleep(wait)) {
            closed = true;
        }
    }

    /** Sleeps; {@code false} when interrupted (the interrupt kept), so the reader stops. */
    static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops reading: a follow in progress ends at once. */
    @Override
    public void close() {
        closed = true;
        LogWatch watch = current;
        if (watch != null) {
            watch.close();
        }
    }
}
