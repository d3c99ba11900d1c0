package io.taskconsole.testkube;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The containers' logs the test API server serves at {@code /api/v1/namespaces/{ns}/pods/{pod}/log},
 * written by the test as a kubelet would have recorded them: each line with the time it was written.
 *
 * <p>The mock web server answers every request with a whole body, so a {@code follow=true} request
 * cannot be held open: it gets the lines written so far and then the connection ends. While the
 * container runs, a client sees that as the connection dropping and must reconnect (with
 * {@code sinceTime}, whose second precision repeats lines it already has); once the test ends the
 * container (a terminated state in the pod's status), the same end is the end of the log. A test
 * can also {@link #cutNextFollow cut} the next answer in the middle of a line, as a dropped
 * connection does.
 */
public final class PodLogs {

    /** One line as the kubelet keeps it. */
    public record Line(Instant time, String text) {
    }

    private final Map<String, List<Line>> logs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cuts = new ConcurrentHashMap<>();
    private Instant last = Instant.EPOCH;

    private static String key(String namespace, String pod, String container) {
        return namespace + "/" + pod + "/" + container;
    }

    /** Writes lines to a container's log, stamped now (each later than the one before). */
    public synchronized void append(String namespace, String pod, String container, String... lines) {
        List<Line> log = logs.computeIfAbsent(key(namespace, pod, container), k -> new ArrayList<>());
        for (String line : lines) {
            Instant now = Instant.now();
            last = now.isAfter(last) ? now : last.plusNanos(1000);
            log.add(new Line(last, line));
        }
    }

    /** The next follow request of this container's log ends halfway through its last line. */
    public void cutNextFollow(String namespace, String pod, String container) {
        cuts.put(key(namespace, pod, container), true);
    }

    /** Forgets every log of the namespace (a test's clean-up). */
    public synchronized void clear(String namespace) {
        logs.keySet().removeIf(k -> k.startsWith(namespace + "/"));
    }

    synchronized boolean has(String namespace, String pod, String container) {
        return logs.containsKey(key(namespace, pod, container));
    }

    /**
     * The body of one log request: the lines at or after {@code sinceTime} (cut to whole seconds, as the
     * API server passes it to the kubelet), the last {@code tailLines} of them, each prefixed with its
     * RFC 3339 time when {@code timestamps} is asked.
     */
    synchronized byte[] body(String namespace, String pod, String container, Map<String, String> query) {
        List<Line> lines = new ArrayList<>(logs.getOrDefault(key(namespace, pod, container), List.of()));
        String since = query.get("sinceTime");
        if (since != null && !since.isEmpty()) {
            Instant from = Instant.parse(since).truncatedTo(ChronoUnit.SECONDS);
            lines.removeIf(line -> line.time().isBefore(from));
        }
        String tail = query.get("tailLines");
        if (tail != null && !tail.isEmpty()) {
            int n = Integer.parseInt(tail);
            lines = new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
        boolean timestamps = "true".equals(query.get("timestamps"));
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(timestamps ? line.time() + " " : "").append(line.text()).append('\n');
        }
        boolean follow = "true".equals(query.get("follow"));
        if (follow && cuts.remove(key(namespace, pod, container)) != null && !lines.isEmpty()) {
            String lastLine = lines.get(lines.size() - 1).text();
            out.setLength(out.length() - 1 - (lastLine.length() - lastLine.length() / 2));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
