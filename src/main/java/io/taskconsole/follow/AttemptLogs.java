package io.taskconsole.follow;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.submit.JobPhase;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container's log across an attempt: the pod the Job runs now, and after a restart the pod that
 * replaced it; once Kubernetes has deleted the pods, the copies kept in {@code .history/}.
 */
public final class AttemptLogs implements AutoCloseable {

    /** The container a log is read from unless another is named: the one running Claude Code. */
    public static final String AGENT = "agent";

    /** The chart's containers in the order they run: its init containers, then the agent. */
    public static final List<String> CONTAINERS = List.of("fetch-source", "prepare-workspace", AGENT);

    private static final Duration POD_WAIT = Duration.ofMillis(500);

    private final KubernetesClient client;
    private final String namespace;
    private final ResourceNames names;
    private final Path history;
    private final String container;
    private volatile LogFollower current;
    private volatile boolean closed;

    public AttemptLogs(KubernetesClient client, String namespace, ResourceNames names, Path historyFolder,
                       String container) {
        this.client = client;
        this.namespace = namespace;
        this.names = names;
        this.history = historyFolder;
        this.container = container == null ? AGENT : container;
    }

    /**
     * Passes the log to {@code sink}; with {@code follow}, waits for a pod, follows it until the
     * container ends, and goes on with the next pod while the Job runs. Returns the Job's phase after.
     */
    public JobPhase read(boolean follow, LogFollower.Sink sink) throws IOException {
        String done = null;
        while (!closed) {
            List<Pod> pods = pods();
            Pod pod = pods.isEmpty() ? null : pods.get(pods.size() - 1);
            JobPhase phase = phase();
            if (pod == null || pod.getMetadata().getName().equals(done)) {
                if (done == null && pod == null) {
                    List<Path> copies = copies();
                    if (!copies.isEmpty() || !follow || phase.finished() || phase == JobPhase.MISSING) {
                        showCopies(copies, sink, phase);
                        return phase;
                    }
                }
                if (!follow || phase.finished() || phase == JobPhase.MISSING) {
                    return phase;
                }
                pause();
                continue;
            }
            checkContainer(pod);
            String name = pod.getMetadata().getName();
            if (done != null) {
                sink.note("Pod " + done + " was replaced by " + name + ": following it.");
            }
            LogFollower follower = new LogFollower(client, namespace, name, container,
                    LogCopy.in(history, namespace, names.attempt(), name, container));
            current = follower;
            LogFollower.Ending ending = follower.read(follow, sink);
            current = null;
            if (!follow || ending != LogFollower.Ending.COMPLETE) {
                return phase();
            }
            done = name;
        }
        return phase();
    }

    private void checkContainer(Pod pod) {
        List<String> all = new ArrayList<>();
        if (pod.getSpec() != null) {
            if (pod.getSpec().getInitContainers() != null) {
                pod.getSpec().getInitContainers().forEach(c -> all.add(c.getName()));
            }
            if (pod.getSpec().getContainers() != null) {
                pod.getSpec().getContainers().forEach(c -> all.add(c.getName()));
            }
        }
        if (!all.isEmpty() && !all.contains(container)) {
            throw new IllegalArgumentException("The attempt's pod " + pod.getMetadata().getName()
                    + " has no container '" + container + "': it has " + String.join(", ", all) + ".");
        }
    }

    private void showCopies(List<Path> copies, LogFollower.Sink sink, JobPhase phase) throws IOException {
        if (copies.isEmpty()) {
            sink.note(switch (phase) {
                case PENDING, RUNNING -> "The attempt's Job has no pod yet: no log.";
                case MISSING -> "Job " + names.jobName() + " is not in the cluster (helm failed before creating it, or"
                        + " Kubernetes deleted it after it finished) and no copy of its log was kept on this machine.";
                default -> "The log of container " + container + " can no longer be fetched: the attempt's pods are"
                        + " gone and no copy was kept on this machine.";
            });
            return;
        }
        for (Path copy : copies) {
            String pod = podOf(copy);
            LogCopy kept = LogCopy.in(history, namespace, names.attempt(), pod, container);
            kept.text().forEach(sink::line);
            sink.note("The log of container " + container + " can no longer be fetched: pod " + pod
                    + " is gone (the lines above are the copy kept in " + kept.path() + ").");
        }
    }

    private String prefix() {
        return namespace + "-run-" + names.attempt() + "-";
    }

    private String podOf(Path copy) {
        String file = copy.getFileName().toString();
        return file.substring(prefix().length(), file.length() - ("-" + container + ".log").length());
    }

    /** The copies kept of this attempt's pods' logs of the container, oldest first. */
    private List<Path> copies() throws IOException {
        Path folder = history.resolve("logs");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        String glob = prefix() + names.jobName() + "-*-" + container + ".log";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            files.forEach(found::add);
        }
        found.sort(Comparator.comparing(p -> p.toFile().lastModified()));
        return found;
    }

    /** The Job's pods, oldest first, found by either label the Job controller sets. */
    private List<Pod> pods() {
        Map<String, Pod> byName = new LinkedHashMap<>();
        for (String label : List.of("job-name", "batch.kubernetes.io/job-name")) {
            client.pods().inNamespace(namespace).withLabel(label, names.jobName()).list().getItems()
                    .forEach(p -> byName.putIfAbsent(p.getMetadata().getName(), p));
        }
        List<Pod> pods = new ArrayList<>(byName.values());
        pods.sort(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                .thenComparing(p -> p.getMetadata().getName()));
        return pods;
    }

    private JobPhase phase() {
        return AttemptLister.jobStatus(client.batch().v1().jobs().inNamespace(namespace).withName(names.jobName()).get());
    }

    private void pause() {
        if (!LogFollower.sleep(POD_WAIT)) {
            closed = true;
        }
    }

    /** Stops reading; a follow in progress ends at once. */
    @Override
    public void close() {
        closed = true;
        LogFollower follower = current;
        if (follower != null) {
            follower.close();
        }
    }
}
