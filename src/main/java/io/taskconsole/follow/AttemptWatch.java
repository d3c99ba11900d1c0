package io.taskconsole.follow;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.submit.JobPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches one attempt: its Job, its pods (by the {@code job-name} and {@code batch.kubernetes.io/job-name}
 * labels the Job controller sets) and the Events about them and the service's workspace claim. Every
 * change is reported as a new {@link AttemptState} to the listener, on a watch thread.
 *
 * <p>fabric8's informers list, then watch, and list again after a dropped connection or an expired
 * resource version (410 Gone), so a change made while the connection was down still arrives. The watch
 * stops itself once the attempt is over (after reporting that state), or when closed.
 */
public final class AttemptWatch implements AutoCloseable {

    private static final List<String> JOB_LABELS = List.of("job-name", "batch.kubernetes.io/job-name");

    private final KubernetesClient client;
    private final String namespace;
    private final ResourceNames names;
    private final Consumer<AttemptState> listener;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    private final Map<String, String> lastLogLines = new ConcurrentHashMap<>();
    private volatile Job job;
    private AttemptState last;
    private volatile boolean closed;
    private volatile boolean opened;
    private volatile AutoCloseable owned;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private AttemptWatch(KubernetesClient client, String namespace, ResourceNames names, Consumer<AttemptState> listener) {
        this.client = client;
        this.namespace = namespace;
        this.names = names;
        this.listener = listener;
    }

    /** Starts watching; the first state is reported once the Job, pods and Events have been listed. */
    public static AttemptWatch start(KubernetesClient client, String namespace, ResourceNames names,
                                     Consumer<AttemptState> listener) {
        AttemptWatch watch = new AttemptWatch(client, namespace, names, listener);
        watch.open();
        return watch;
    }

    private void open() {
        synchronized (this) {
            informers.add(client.batch().v1().jobs().inNamespace(namespace).withName(names.jobName())
                    .inform(handler(j -> job = j, j -> job = null), 0));
            for (String label : JOB_LABELS) {
                informers.add(client.pods().inNamespace(namespace).withLabel(label, names.jobName())
                        .inform(handler(p -> pods.put(p.getMetadata().getName(), p),
                                p -> pods.remove(p.getMetadata().getName())), 0));
            }
            informers.add(client.v1().events().inNamespace(namespace).inform(handler(e -> {
                if (concerns(e)) {
                    events.put(e.getMetadata().getName(), e);
                }
            }, e -> events.remove(e.getMetadata().getName())), 0));
            opened = true;
        }
        changed();
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> put, Consumer<T> remove) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                put.accept(obj);
                changed();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                put.accept(newObj);
                changed();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                remove.accept(obj);
                changed();
            }
        };
    }

    private boolean concerns(Event e) {
        if (e.getInvolvedObject() == null || e.getInvolvedObject().getName() == null) {
            return false;
        }
        String kind = e.getInvolvedObject().getKind();
        String name = e.getInvolvedObject().getName();
        return "Job".equals(kind) && name.equals(names.jobName())
                || "Pod".equals(kind) && name.startsWith(names.jobName() + "-")
                || "PersistentVolumeClaim".equals(kind) && name.equals(names.pvcName());
    }

    private void changed() {
        AttemptState state;
        synchronized (this) {
            if (closed || !opened || !informers.stream().allMatch(SharedIndexInformer::hasSynced)) {
                return;
            }
            state = state();
            if (state.equals(last)) {
                return;
            }
            last = state;
            if (state.over()) {
                closed = true;
            }
            // Inside the lock: the Job's, pods' and Events' watch threads report in the order states were made.
                listener.accept(state);
        }
        if (state.over()) {
            stop();
        }
    }

    /** Also closes {@code resource} (the connection the watch runs on) when the watch stops. */
    public AttemptWatch closing(AutoCloseable resource) {
        owned = resource;
        if (stopped.get()) {
            closeOwned();
        }
        return this;
    }

    private void closeOwned() {
        AutoCloseable resource = owned;
        owned = null;
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // releasing a client's HTTP resources; nothing left to tell the user
            }
        }
    }

    /** The last state reported, or {@code null} before the first. */
    public synchronized AttemptState current() {
        return last;
    }

    public boolean closed() {
        return closed;
    }

    private AttemptState state() {
        Job j = job;
        JobPhase phase = AttemptLister.jobStatus(j);
        String reason = null;
        String message = null;
        Instant finished = null;
        if (j != null && j.getStatus() != null && j.getStatus().getConditions() != null) {
            for (JobCondition c : j.getStatus().getConditions()) {
                if ("True".equals(c.getStatus()) && ("Failed".equals(c.getType()) || "Complete".equals(c.getType()))) {
                    finished = time(c.getLastTransitionTime());
                    if ("Failed".equals(c.getType())) {
                        reason = c.getReason();
                        message = c.getMessage();
                    }
                }
            }
        }
        if (j != null && j.getStatus() != null && j.getStatus().getCompletionTime() != null) {
            finished = time(j.getStatus().getCompletionTime());
        }
        List<PodState> podStates = pods.values().stream()
                .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                        .thenComparing(p -> p.getMetadata().getName()))
                .map(this::podState).toList();
        List<AttemptEvent> eventList = events.values().stream().map(AttemptWatch::event)
                .sorted(Comparator.comparing(AttemptEvent::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new AttemptState(names.attempt(), names.jobName(), phase, reason, message,
                j == null ? null : time(j.getMetadata().getCreationTimestamp()),
                j == null || j.getStatus() == null ? null : time(j.getStatus().getStartTime()), finished,
                podStates, eventList, new HashMap<>(lastLogLines));
    }

    private PodState podState(Pod pod) {
        List<ContainerState> containers = new ArrayList<>();
        var spec = pod.getSpec();
        var status = pod.getStatus();
        if (spec != null && spec.getInitContainers() != null) {
            spec.getInitContainers().forEach(c -> containers.add(container(pod, c.getName(), c.getImage(), true,
                    status == null ? null : status.getInitContainerStatuses())));
        }
        if (spec != null && spec.getContainers() != null) {
            spec.getContainers().forEach(c -> containers.add(container(pod, c.getName(), c.getImage(), false,
                    status == null ? null : status.getContainerStatuses())));
        }
        return new PodState(pod.getMetadata().getName(), status == null ? null : status.getPhase(),
                status == null ? null : status.getReason(), status == null ? null : status.getMessage(),
                time(pod.getMetadata().getCreationTimestamp()), containers);
    }

    private ContainerState container(Pod pod, String name, String image, boolean init, List<ContainerStatus> statuses) {
        ContainerStatus s = statuses == null ? null
                : statuses.stream().filter(x -> name.equals(x.getName())).findFirst().orElse(null);
        if (s == null || s.getState() == null) {
            return new ContainerState(name, init, image, ContainerState.State.NOT_STARTED, null, null, null, 0, null, null);
        }
        int restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
        var state = s.getState();
        if (state.getTerminated() != null) {
            var t = state.getTerminated();
            ContainerState c = new ContainerState(name, init, image, ContainerState.State.TERMINATED, t.getReason(),
                    t.getMessage(), t.getExitCode(), restarts, time(t.getStartedAt()), time(t.getFinishedAt()));
            if (init && c.failed()) {
                lastLogLines.computeIfAbsent(name, n -> lastLine(pod.getMetadata().getName(), n));
            }
            return c;
        }
        if (state.getWaiting() != null) {
            return new ContainerState(name, init, image, ContainerState.State.WAITING, state.getWaiting().getReason(),
                    state.getWaiting().getMessage(), null, restarts, null, null);
        }
        return new ContainerState(name, init, image, ContainerState.State.RUNNING, null, null, null, restarts,
                state.getRunning() == null ? null : time(state.getRunning().getStartedAt()), null);
    }

    /** A failed init container's last log line says what is wrong (a tampered file, a missing branch). */
    private String lastLine(String pod, String container) {
        try {
            String log = client.pods().inNamespace(namespace).withName(pod).inContainer(container).withReadyWaitTimeout(0)
                    .tailingLines(5).getLog();
            List<String> lines = log == null ? List.of() : log.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(its log is empty)" : lines.get(lines.size() - 1);
        } catch (KubernetesClientException e) {
            return "(its log cannot be read: " + Objects.requireNonNullElse(e.getStatus() == null ? null
                    : e.getStatus().getMessage(), String.valueOf(e.getMessage())) + ")";
        }
    }

    private static AttemptEvent event(Event e) {
        String when = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null ? e.getEventTime().getTime()
                : e.getFirstTimestamp() != null ? e.getFirstTimestamp() : e.getMetadata().getCreationTimestamp();
        return new AttemptEvent(time(when), e.getInvolvedObject().getKind(), e.getInvolvedObject().getName(),
                e.getType(), e.getReason(), e.getMessage(), e.getCount() == null ? 1 : e.getCount());
    }

    private static Instant time(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Stops the watches; no state is reported once it has returned. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            List<SharedIndexInformer<?>> toStop;
            synchronized (this) {
                toStop = List.copyOf(informers);
            }
            toStop.forEach(SharedIndexInformer::close);
            closeOwned();
        }
    }
}
