package io.taskconsole.ui.attempts;

import io.taskconsole.app.TaskService;
import io.taskconsole.compare.Comparison;
import io.taskconsole.compare.FileComparer;
import io.taskconsole.compare.FileDiff;
import io.taskconsole.ui.compare.DiffViewModel;
import io.taskconsole.ui.transcript.TranscriptViewModel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import javafx.beans.property.ReadOnlyObjectProperty;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import java.time.Duration;
import io.taskconsole.follow.AttemptState;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.JobPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableMap;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The attempts of the open task, newest first: local history merged with the Jobs the cluster
 * reports. While the list is visible each unfinished attempt is watched (its Job, pods and Events),
 * so Job status moves from Pending to Running to Succeeded or Failed without a click; the watches'
 * reports arrive on their own threads and are applied here on the FX thread, several at a time.
 */
public final class AttemptsViewModel {


    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final EditorViewModel editor;
    private final ClusterViewModel cluster;
    private final SubmitViewModel submit;
    private final ObservableList<AttemptSummary> attempts = FXCollections.observableArrayList();
    private final ObjectProperty<AttemptSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<Map<String, String>> files = new SimpleObjectProperty<>(this, "files", Map.of());
    private final StringProperty filesStatus = new SimpleStringProperty(this, "filesStatus", "");
    private final StringProperty log = new SimpleStringProperty(this, "log", "");
    private final LogViewModel helmLog;
    private final DiffViewModel draftsDiff = new DiffViewModel();
    private final TranscriptViewModel transcript = new TranscriptViewModel();
    private final ContainerLogViewModel containerLog;
    /** What a retry of the selected attempt would change, once read; {@code null} until then. */
    private final ObjectProperty<Comparison> retryPreview = new SimpleObjectProperty<>(this, "retryPreview");
    private final LatestOnly compares = LatestOnly.parallel();
    private final LatestOnly transcripts = LatestOnly.parallel();
    private BackgroundExecutor.Cancellable poller;
    private final ObservableMap<Integer, AttemptState> live = FXCollections.observableHashMap();
    /** Open watches by attempt number; only touched on the FX thread. */
    private final Map<Integer, AutoCloseable> watches = new HashMap<>();
    /** States reported since the last apply, by attempt; watch threads add, the FX thread takes. */
    private final Map<Integer, AttemptState> arrived = new LinkedHashMap<>();
    private boolean applyQueued;
    private final LatestOnly refreshes = LatestOnly.parallel();
    private final LatestOnly logReads = LatestOnly.parallel();
    private final LatestOnly fileReads = LatestOnly.parallel();
    /** The number of the attempt whose files failed to load last; refresh and re-selecting try again. */
    private Integer filesFailedFor;
    private boolean filesLoading;
    private boolean replacingRows;

    public AttemptsViewModel(SubmitTools tools, BackgroundExecutor executor, EditorViewModel editor,
                             ClusterViewModel cluster, SubmitViewModel submit) {
        this.tools = tools;
        this.executor = executor;
        this.editor = editor;
        this.cluster = cluster;
        this.submit = submit;
        this.containerLog = new ContainerLogViewModel(tools, executor);
        this.helmLog = new LogViewModel(executor);
        // The agent's log just read is kept in the task's history: the transcript is read from there.
        containerLog.onAgentLogRead(() -> {
            AttemptSummary shown = selected.get();
            editor.snapshot().ifPresent(draft -> {
                if (shown != null) {
                    loadTranscript(draft, shown);
                }
            });
        });
        editor.folderProperty().addListener((o, a, b) -> {
            stopWatching();
            attempts.clear();
            selected.set(null);
            refresh(false);
        });
        selected.addListener((o, a, b) -> {
            if (replacingRows) {
                return;
            }
            if (b == null || a == null || a.number() != b.number() || filesFailed(b)) {
                loadFiles(b);
            }
            containerLog.show(editor.snapshot().orElse(null), b);
            if (b != null && live.containsKey(b.number())) {
                live.get(b.number()).currentPod().ifPresent(containerLog::containersOf);
            }
        });
        // Another kind of target lists other attempts: a cluster's, or the orchestrator's.
        cluster.kindProperty().addListener((o, a, b) -> {
            stopWatching();
            attempts.clear();
            selected.set(null);
            refresh(visible.get());
        });
        visible.addListener((o, a, shown) -> {
            if (shown) {
                refresh(true);
            } else {
                stopWatching();
            }
        });
    }

    public ObservableList<AttemptSummary> attempts() {
        return attempts;
    }

    public ObjectProperty<AttemptSummary> selectedProperty() {
        return selected;
    }

    /** The view sets this while the attempts list is on screen. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** The latest state each watched attempt reported (Job, pods, Events, reasons), by attempt number. */
    public ObservableMap<Integer, AttemptState> liveStates() {
        return live;
    }

    /** Whether the attempt's Job has yet to end: the list marks it. */
    public static boolean running(AttemptSummary attempt) {
        return attempt.job() == JobPhase.PENDING || attempt.job() == JobPhase.RUNNING;
    }

    /** Where the list came from, or why the cluster's part is missing. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The files the selected attempt sent, by name, as its ConfigMap holds them; empty until loaded. */
    public ReadOnlyObjectProperty<Map<String, String>> filesProperty() {
        return files;
    }

    /** The selected attempt's helm log as text (see {@link #logText}). */
    public ReadOnlyStringProperty logProperty() {
        return log;
    }

    /** The selected attempt's helm log in the console's log panel, its stderr lines and notes told apart. */
    public LogViewModel helmLog() {
        return helmLog;
    }

    /**
     * Shows an attempt's helm log: as text, and line by line in the log panel, each line with the
     * stream its marker in the attempt's log file names. The panel is filled again when the text
     * changed or the user cleared it, not on every read of the same log.
     */
    private void showLog(String text) {
        boolean inPanel = text.equals(log.get()) && !helmLog.lines().isEmpty();
        log.set(text);
        if (inPanel) {
            return;
        }
        helmLog.clear();
        OutputListener panel = helmLog.listener();
        text.lines().forEach(line -> {
            OutputListener.Stream stream = OutputListener.Stream.ofMarked(line);
            panel.onLine(stream, line.substring(stream.marker().length()));
        });
    }

    /** Blank once the files are shown; otherwise that they are loading, or one line saying why they are missing. */
    public ReadOnlyStringProperty filesStatusProperty() {
        return filesStatus;
    }

    /** The drafts compared with the selected attempt: what "Submit edits" would change. */
    public DiffViewModel draftsDiff() {
        return draftsDiff;
    }

    /** The selected attempt's log of one container, read and followed while its panel is on screen. */
    public ContainerLogViewModel containerLog() {
        return containerLog;
    }

    /** The selected attempt's agent transcript, from the log kept in the task's history. */
    public TranscriptViewModel transcript() {
        return transcript;
    }

    public ReadOnlyObjectProperty<Comparison> retryPreviewProperty() {
        return retryPreview;
    }

    private boolean filesFailed(AttemptSummary attempt) {
        return attempt != null && filesFailedFor != null && filesFailedFor == attempt.number();
    }

    /**
     * Asks the cluster, on a worker thread, for the files {@code attempt} sent. After a failure the
     * reason stays on screen while the next try runs, so a refresh every few seconds doesn't flicker.
     */
    private void loadFiles(AttemptSummary attempt) {
        logReads.cancel();
        fileReads.cancel();
        boolean retrying = filesFailed(attempt);
        filesFailedFor = null;
        filesLoading = false;
        files.set(Map.of());
        Optional<TaskDraft> draft = editor.snapshot();
        if (attempt == null || draft.isEmpty()) {
            filesStatus.set("");
            showLog("");
            return;
        }
        loadTranscript(draft.get(), attempt);
        executor.task(() -> logText(attempt, tools.attemptLog(draft.get(), attempt)))
                .latestIn(logReads)
                .onSuccess(this::showLog)
                .onFailure(e -> showLog(Notice.error("Reading attempt " + attempt.number() + "'s log", e).message()))
                .start();
        if (cluster.throughOrchestrator()) {
            filesStatus.set("Attempt " + attempt.number() + "'s files are in the orchestrator's cluster, which this "
                    + "console does not read; switch the Cluster pane to Kubernetes with access to it to see them.");
            draftsDiff.showNothing("The drafts are compared with an attempt's files only on a cluster this console reads.");
            return;
        }
        if (!retrying) {
            filesStatus.set("Loading the files attempt " + attempt.number() + " sent…");
        }
        filesLoading = true;
        executor.task(() -> tools.attemptFiles(draft.get(), attempt))
                .latestIn(fileReads)
                .onSuccess(found -> {
                    filesLoading = false;
                    files.set(found);
                    filesStatus.set(found.isEmpty() ? "Attempt " + attempt.number() + " sent no files." : "");
                    compare(draft.get(), attempt, found);
                })
                .onFailure(e -> {
                    filesLoading = false;
                    filesFailedFor = attempt.number();
                    String reason = Notice.error("Reading attempt " + attempt.number() + "'s files", e).message();
                    filesStatus.set("Files unavailable: " + reason + (reason.endsWith(".") ? "" : ".")
                            + " Refresh tries again.");
                })
                .start();
    }

    /**
     * On a worker thread: the drafts against what {@code attempt} sent (the files already read), and
     * what a retry of it would change, so the Retry question can say so.
     */
    private void compare(TaskDraft draft, AttemptSummary attempt, Map<String, String> sent) {
        retryPreview.set(null);
        draftsDiff.showNothing("Comparing the drafts with attempt " + attempt.number() + "…");
        SubmitTools.Target target = submit.templateTarget();
        record Compared(Comparison drafts, Comparison retry) {
        }
        executor.task(() -> {
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            sent.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
            Comparison drafts = FileComparer.compare("attempt-" + attempt.number(), bytes, "drafts",
                    tools.generated(draft, target).files());
            return new Compared(drafts, tools.previewRetry(draft, attempt));
        })
                .latestIn(compares)
                .onSuccess(c -> {
                    draftsDiff.show(c.drafts());
                    retryPreview.set(c.retry());
                })
                .onFailure(e -> draftsDiff.showNothing(Notice.error("Comparing the drafts with attempt "
                        + attempt.number(), e).message()))
                .start();
    }

    private void loadTranscript(TaskDraft draft, AttemptSummary attempt) {
        transcript.showNothing("Reading attempt " + attempt.number() + "'s agent log…");
        executor.task(() -> tools.agentLog(draft, attempt))
                .latestIn(transcripts)
                .onSuccess(log -> {
                    if (log.isPresent()) {
                        transcript.show(log.get(), TaskService.criteriaIds(draft));
                    } else {
                        transcript.showNothing("No agent log of attempt " + attempt.number()
                                + " is kept on this machine: it is kept once the attempt's log has been followed.");
                    }
                })
                .onFailure(e -> transcript.showNothing(Notice.error("Reading attempt " + attempt.number()
                        + "'s agent log", e).message()))
                .start();
    }

    /** Reloads attempts; {@code askCluster} adds Job status from the cluster. */
    public void refresh(boolean askCluster) {
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            return;
        }
        SubmitTools.Target target;
        try {
            target = new SubmitTools.Target(cluster.settingsOrDefaults(), null, cluster.orchestrator().orElse(null));
        } catch (io.taskconsole.TaskConsoleException e) {
            attempts.clear();
            status.set(Notice.error("Listing attempts", e).message());
            return;
        }
        boolean team = target.team() != null;
        String from = team ? target.team().describe() : ClusterViewModel.describe(cluster.target());
        executor.task(() -> tools.attempts(draft.get(), target, askCluster))
                .latestIn(refreshes)
                .onSuccess(found -> {
                    Integer keep = selected.get() == null ? null : selected.get().number();
                    // The list's view clears its selection while the rows are replaced; the same attempt stays selected.
                    replacingRows = true;
                    try {
                        attempts.setAll(found.attempts().stream().sorted(Comparator.comparingInt(AttemptSummary::number).reversed()).toList());
                        if (keep != null) {
                            attempts.stream().filter(a -> a.number() == keep).findFirst().ifPresent(selected::set);
                        }
                    } finally {
                        replacingRows = false;
                    }
                    AttemptSummary shown = selected.get();
                    containerLog.show(draft.get(), shown);
                    boolean sameAttempt = shown == null ? keep == null : keep != null && shown.number() == keep;
                    if (!sameAttempt || filesFailed(shown) && !filesLoading) {
                        loadFiles(shown);
                    }
                    // Watching reads the Jobs directly: only where this console talks to the cluster.
                    if (askCluster && found.clusterProblem() == null && !team) {
                        watchUnfinished(draft.get());
                    }
                    String count = found.attempts().isEmpty() ? "No attempts yet." : found.attempts().size() + " attempt(s).";
                    // A submission settled after a crash is told here once; its record keeps the sentence.
                    String settled = found.settled().isEmpty() ? "" : String.join(" ", found.settled()) + " ";
                    status.set(settled + (found.clusterProblem() != null ? count + " Job status unavailable: " + found.clusterProblem()
                            : count + (askCluster ? " Job status from " + from + "." : "")));
                })
                .onFailure(e -> {
                    if (team) {
                        attempts.clear(); // never another target's list under this one's failure
                    }
                    status.set(Notice.error("Listing attempts", e).message());
                })
                .start();
    }

    /** Starts a watch, off the FX thread, on each listed attempt that is still running and not yet watched. */
    private void watchUnfinished(TaskDraft draft) {
        if (!visible.get()) {
            return;
        }
        for (AttemptSummary attempt : attempts) {
            int number = attempt.number();
            if (!running(attempt) || watches.containsKey(number)) {
                continue;
            }
            watches.put(number, () -> { });
            executor.task(() -> tools.watchAttempt(draft, attempt, this::arrive))
                    .onSuccess(watch -> {
                        if (watches.get(number) != null && visible.get()) {
                            watches.put(number, watch);
                        } else {
                            close(watch);
                        }
                    })
                    .onFailure(e -> {
                        watches.remove(number);
                        status.set(Notice.error("Watching attempt " + number, e).message());
                    })
                    .start();
        }
    }

    /** On a watch thread: keeps the state and asks the FX thread once to apply all that arrived. */
    private void arrive(AttemptState state) {
        synchronized (arrived) {
            arrived.put(state.attempt(), state);
            if (applyQueued) {
                return;
            }
            applyQueued = true;
        }
        executor.ui().execute(this::applyArrived);
    }

    private void applyArrived() {
        List<AttemptState> states;
        synchronized (arrived) {
            states = new ArrayList<>(arrived.values());
            arrived.clear();
            applyQueued = false;
        }
        if (!visible.get()) {
            return;
        }
        Integer keep = selected.get() == null ? null : selected.get().number();
        replacingRows = true;
        try {
            for (AttemptState state : states) {
                for (int i = 0; i < attempts.size(); i++) {
                    AttemptSummary a = attempts.get(i);
                    if (a.number() == state.attempt() && a.job() != state.phase()) {
                        attempts.set(i, withJob(a, state));
                    }
                }
                if (state.over()) {
                    watches.remove(state.attempt());
                }
                // After the row: whoever the live state tells finds the list already saying the same.
                live.put(state.attempt(), state);
            }
            if (keep != null) {
                attempts.stream().filter(a -> a.number() == keep).findFirst().ifPresent(selected::set);
            }
        } finally {
            replacingRows = false;
        }
        AttemptSummary shown = selected.get();
        if (shown != null) {
            states.stream().filter(s -> s.attempt() == shown.number()).reduce((first, second) -> second)
                    .flatMap(AttemptState::currentPod).ifPresent(containerLog::containersOf);
            containerLog.show(editor.snapshot().orElse(null), shown);
        }
    }

    private static AttemptSummary withJob(AttemptSummary a, AttemptState state) {
        Duration took = a.duration();
        if (!a.local() && state.over() && state.duration(null) != null) {
            took = state.duration(null);
        }
        return new AttemptSummary(a.number(), a.submittedAt(), a.kubeconfig(), a.context(), a.namespace(), a.release(),
                a.command(), a.exitCode(), a.result(), a.message(), a.helmStatus(), state.phase(), took, a.logFile());
    }

    private void stopWatching() {
        watches.values().forEach(AttemptsViewModel::close);
        watches.clear();
    }

    private static void close(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            // a watch that fails to close holds no more than a connection the client pool reclaims
        }
    }

    /**
     * What Retry asks before it sends anything: which attempt, as which, where that attempt went and,
     * when the cluster pane names another target, that one too, so the user picks knowingly.
     *
     * @param selectedDiffers the cluster pane's target differs from where the attempt went
     */
    public record RetryQuestion(String text, boolean selectedDiffers) {
    }

    public RetryQuestion retryQuestion(AttemptSummary attempt) {
        int next = attempts.stream().mapToInt(AttemptSummary::number).max().orElse(attempt.number()) + 1;
        if (cluster.throughOrchestrator()) {
            return new RetryQuestion("Send attempt " + attempt.number() + "'s files again as attempt " + next + "?\n"
                    + "The retry goes through " + cluster.describeTarget() + ", which sends attempt "
                    + attempt.number() + "'s exact files again from its own cluster.", false);
        }
        KubeTarget selected = cluster.target();
        KubeTarget went = new KubeTarget(attempt.kubeconfig() == null ? null : java.nio.file.Path.of(attempt.kubeconfig()),
                attempt.context(), attempt.namespace());
        boolean differs = !RetryPlan.where(went).equals(RetryPlan.where(selected));
        String text = "Send attempt " + attempt.number() + "'s files again as attempt " + next + "?\n"
                + "Attempt " + attempt.number() + " went to " + RetryPlan.where(went) + "; the retry goes there too"
                + (differs ? ",\nunless you choose the selected target: " + RetryPlan.where(selected) + "." : ".")
                + "\n" + retryChanges(attempt);
        return new RetryQuestion(text, differs);
    }

    /** What the retry changes from {@code attempt}'s files, once read; else that it could not be told. */
    private String retryChanges(AttemptSummary attempt) {
        Comparison preview = retryPreview.get();
        if (preview == null || !preview.oldLabel().equals("attempt-" + attempt.number())) {
            return "(What it changes from attempt " + attempt.number() + "'s files could not be read yet.)";
        }
        if (preview.identical()) {
            return "It sends attempt " + attempt.number() + "'s files unchanged.";
        }
        return "Changed from attempt " + attempt.number() + ": " + String.join(", ", preview.changed().stream()
                .map(FileDiff::describe).toList()) + "; every other file is sent as it was.";
    }

    /**
     * The attempt's log as the log tab shows it. The core writes helm's command line into the log
     * as helm starts ({@code [info] $ helm ...}), as the CLI prints it; the record's copy is added
     * only when the log lacks it (helm never started, or the log file is gone), so it shows once,
     * marked as the console's note as the log file marks it.
     */
    public static String logText(AttemptSummary attempt, String log) {
        String text = log == null ? "" : log;
        if (attempt.command() == null || text.lines().anyMatch(line -> line.endsWith("$ " + attempt.command()))) {
            return text;
        }
        return OutputListener.Stream.INFO.marker() + "$ " + attempt.command() + "\n" + text;
    }

    /** The context an attempt went to, with its namespace where it differs from the default. */
    public static String where(AttemptSummary attempt) {
        return (attempt.context() == null ? "(current)" : attempt.context())
                + (KubeTarget.DEFAULT_NAMESPACE.equals(attempt.namespace()) ? "" : " / " + attempt.namespace());
    }

    /** Retries {@code attempt} where it went, or with {@code toSelectedTarget} where the cluster pane points. */
    public void retry(AttemptSummary attempt, boolean toSelectedTarget) {
        submit.retry(attempt.number(), toSelectedTarget);
    }
}
