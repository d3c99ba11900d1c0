package io.taskconsole.ui.attempts;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.follow.AttemptLogs;
import io.taskconsole.follow.LogFollower;
import io.taskconsole.follow.PodState;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.log.LogViewModel;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected attempt's log of one container (an init container or {@code agent}), for the Attempts
 * view's log panel. The reading is the application layer's, the one {@code task-console logs -f} does:
 * from the pod while it runs (reconnecting without repeating lines, moving to the pod that replaces it),
 * the whole log once it has ended, the copy kept in the task's history once Kubernetes has deleted the
 * pod. It runs on a worker thread while the panel is on screen, and stops when another attempt or
 * container is chosen, the panel is hidden, or the attempt ends. Lines reach the panel through its
 * {@link LogViewModel}, batched and bounded.
 */
public final class ContainerLogViewModel {

    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final LogViewModel log;
    private final ObservableList<String> containers = FXCollections.observableArrayList(AttemptLogs.CONTAINERS);
    private final StringProperty container = new SimpleStringProperty(this, "container", AttemptLogs.AGENT);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private TaskDraft draft;
    private AttemptSummary attempt;
    /** The read in progress, or {@code null}; only touched on the FX thread. */
    private Reading reading;
    private Runnable agentLogRead = () -> { };

    public ContainerLogViewModel(SubmitTools tools, BackgroundExecutor executor) {
        this.tools = tools;
        this.executor = executor;
        this.log = new LogViewModel(executor);
        container.addListener((o, a, b) -> restart());
        active.addListener((o, a, b) -> restart());
    }

    /** The lines of the log shown, for the log panel. */
    public LogViewModel log() {
        return log;
    }

    /** The containers of the attempt's pod, init containers first: what the chooser offers. */
    public ObservableList<String> containers() {
        return containers;
    }

    /** The container whose log is shown; {@code agent} unless the user picks another. */
    public StringProperty containerProperty() {
        return container;
    }

    /** Set by the view while the panel is on screen: the log is read only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** What the reading is doing, or why the log is what it is (a copy, no pod yet, an error). */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /**
     * The attempt selected ({@code null}: none). The same attempt again (a refresh, a new Job status)
     * keeps the reading going; it starts again only to follow an attempt that has started running since
     * its log was read whole.
     */
    public void show(TaskDraft task, AttemptSummary selected) {
        boolean same = selected != null && attempt != null && selected.number() == attempt.number();
        boolean nowRunning = same && following(selected) && !following(attempt) && reading == null;
        draft = task;
        attempt = selected;
        if (!same || nowRunning) {
            restart();
        }
    }

    /** The containers the attempt's pod reports, when a watch has seen it: the chooser offers those. */
    public void containersOf(PodState pod) {
        List<String> names = pod.containerNames();
        if (!names.isEmpty() && !names.equals(containers)) {
            String keep = container.get();
            containers.setAll(names);
            if (!names.contains(keep)) {
                container.set(names.contains(AttemptLogs.AGENT) ? AttemptLogs.AGENT : names.get(names.size() - 1));
            }
        }
    }

    /**
     * Runs {@code action} on the FX thread each time the agent's log has been read to its end: the copy
     * kept in the task's history is then whole, and the transcript can be read from it.
     */
    public void onAgentLogRead(Runnable action) {
        agentLogRead = action;
    }

    /** Stops reading (the view is closing). */
    public void stop() {
        if (reading != null) {
            reading.stop();
            reading = null;
        }
    }

    private static boolean following(AttemptSummary attempt) {
        return attempt.job() == JobPhase.PENDING || attempt.job() == JobPhase.RUNNING;
    }

    private void restart() {
        stop();
        log.clear();
        if (attempt == null || draft == null) {
            status.set("");
            return;
        }
        if (!active.get()) {
            return;
        }
        AttemptSummary shown = attempt;
        String name = container.get();
        boolean follow = following(shown);
        Reading read = new Reading();
        reading = read;
        status.set((follow ? "Following" : "Reading") + " the log of container " + name + " of attempt " + shown.number() + "…");
        TaskDraft task = draft;
        executor.task(() -> tools.readLogs(task, shown, name, follow, read, read.cancel))
                .onSuccess(phase -> {
                    if (read.stopped()) {
                        return;
                    }
                    reading = null;
                    // What the reader said last stays when it came after the last line (the pod is gone and this
                    // is the kept copy, there is no pod yet); otherwise how the log ended.
                    String last = read.lastNote;
                    status.set(last != null ? last : ended(shown, name, follow, phase));
                    if (AttemptLogs.AGENT.equals(name)) {
                        agentLogRead.run();
                    }
                })
                .onFailure(e -> {
                    if (read.stopped()) {
                        return;
                    }
                    reading = null;
                    status.set(Notice.error("Reading the log of container " + name + " of attempt " + shown.number(), e).message());
                })
                .start();
    }

    private static String ended(AttemptSummary attempt, String container, boolean followed, JobPhase phase) {
        String whole = "The whole log of container " + container + " of attempt " + attempt.number() + " is shown";
        if (phase.finished()) {
            return whole + (followed ? ": the attempt " : ". The attempt ") + phase.label().toLowerCase() + ".";
        }
        return whole + " (its Job is " + phase.label().toLowerCase() + ").";
    }

    /**
     * One read: the sink the application layer writes to on the worker thread, and the signal that ends
     * it. Once stopped it passes nothing on, so a log chosen later never shows a line of this one.
     */
    private final class Reading implements LogFollower.Sink {
        final Cancellation cancel = new Cancellation();
        /** What the reader said about the log after its last line, if anything; written on the worker thread. */
        volatile String lastNote;
        private boolean stopped;

        synchronized boolean stopped() {
            return stopped;
        }

        void stop() {
            synchronized (this) {
                stopped = true;
            }
            cancel.cancel();
        }

        @Override
        public synchronized void line(String text) {
            if (!stopped) {
                lastNote = null;
                log.listener().onLine(OutputListener.Stream.STDOUT, text);
            }
        }

        @Override
        public synchronized void note(String message) {
            if (stopped) {
                return;
            }
            lastNote = message;
            log.info(message);
            executor.ui().execute(() -> {
                if (!stopped()) {
                    status.set(message);
                }
            });
        }
    }
}
