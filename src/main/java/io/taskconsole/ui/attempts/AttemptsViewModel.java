package io.taskconsole.ui.attempts;

import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
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
 * reports. While the list is visible it refreshes every few seconds so Job status moves from
 * Pending to Running to Succeeded or Failed without a click.
 */
public final class AttemptsViewModel {

    public static final Duration REFRESH = Duration.ofSeconds(5);

    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final EditorViewModel editor;
    private final ClusterViewModel cluster;
    private final SubmitViewModel submit;
    private final ObservableList<SubmitTools.Attempt> attempts = FXCollections.observableArrayList();
    private final ObjectProperty<SubmitTools.Attempt> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<Map<String, String>> files = new SimpleObjectProperty<>(this, "files", Map.of());
    private final StringProperty filesStatus = new SimpleStringProperty(this, "filesStatus", "");
    private BackgroundExecutor.Cancellable poller;
    private long ticket;
    private long filesTicket;
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
        editor.folderProperty().addListener((o, a, b) -> {
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
        });
        visible.addListener((o, a, shown) -> {
            if (shown) {
                refresh(true);
                poller = executor.every(() -> executor.ui().execute(() -> refresh(true)), REFRESH);
            } else if (poller != null) {
                poller.cancel();
                poller = null;
            }
        });
    }

    public ObservableList<SubmitTools.Attempt> attempts() {
        return attempts;
    }

    public ObjectProperty<SubmitTools.Attempt> selectedProperty() {
        return selected;
    }

    /** The view sets this while the attempts list is on screen. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** Where the list came from, or why the cluster's part is missing. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The files the selected attempt sent, by name, as its ConfigMap holds them; empty until loaded. */
    public ReadOnlyObjectProperty<Map<String, String>> filesProperty() {
        return files;
    }

    /** Blank once the files are shown; otherwise that they are loading, or one line saying why they are missing. */
    public ReadOnlyStringProperty filesStatusProperty() {
        return filesStatus;
    }

    private boolean filesFailed(SubmitTools.Attempt attempt) {
        return attempt != null && filesFailedFor != null && filesFailedFor == attempt.number();
    }

    /**
     * Asks the cluster, on a worker thread, for the files {@code attempt} sent. After a failure the
     * reason stays on screen while the next try runs, so a refresh every few seconds doesn't flicker.
     */
    private void loadFiles(SubmitTools.Attempt attempt) {
        long mine = ++filesTicket;
        boolean retrying = filesFailed(attempt);
        filesFailedFor = null;
        filesLoading = false;
        files.set(Map.of());
        Optional<TaskDraft> draft = editor.snapshot();
        if (attempt == null || draft.isEmpty()) {
            filesStatus.set("");
            return;
        }
        if (!retrying) {
            filesStatus.set("Loading the files attempt " + attempt.number() + " sent…");
        }
        filesLoading = true;
        SubmitTools.Target target = submit.target();
        executor.task(() -> tools.attemptFiles(draft.get(), target, attempt))
                .onSuccess(found -> {
                    if (mine == filesTicket) {
                        filesLoading = false;
                        files.set(found);
                        filesStatus.set(found.isEmpty() ? "Attempt " + attempt.number() + " sent no files." : "");
                    }
                })
                .onFailure(e -> {
                    if (mine == filesTicket) {
                        filesLoading = false;
                        filesFailedFor = attempt.number();
                        String reason = Notice.error("Reading attempt " + attempt.number() + "'s files", e).message();
                        filesStatus.set("Files unavailable: " + reason + (reason.endsWith(".") ? "" : ".")
                                + " Refresh tries again.");
                    }
                })
                .start();
    }

    /** Reloads attempts; {@code askCluster} adds Job status from the cluster. */
    public void refresh(boolean askCluster) {
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            return;
        }
        long mine = ++ticket;
        SubmitTools.Target target = submit.target();
        executor.task(() -> tools.attempts(draft.get(), target, askCluster))
                .onSuccess(found -> {
                    if (mine != ticket) {
                        return;
                    }
                    Integer keep = selected.get() == null ? null : selected.get().number();
                    // The list's view clears its selection while the rows are replaced; the same attempt stays selected.
                    replacingRows = true;
                    try {
                        attempts.setAll(found.list().stream().sorted(Comparator.comparingInt(SubmitTools.Attempt::number).reversed()).toList());
                        if (keep != null) {
                            attempts.stream().filter(a -> a.number() == keep).findFirst().ifPresent(selected::set);
                        }
                    } finally {
                        replacingRows = false;
                    }
                    SubmitTools.Attempt shown = selected.get();
                    boolean sameAttempt = shown == null ? keep == null : keep != null && shown.number() == keep;
                    if (!sameAttempt || filesFailed(shown) && !filesLoading) {
                        loadFiles(shown);
                    }
                    String count = found.list().isEmpty() ? "No attempts yet." : found.list().size() + " attempt(s).";
                    status.set(found.clusterProblem() != null ? count + " Job status unavailable: " + found.clusterProblem()
                            : count + (askCluster ? " Job status from " + ClusterViewModel.describe(target.kube()) + "." : ""));
                })
                .onFailure(e -> {
                    if (mine == ticket) {
                        status.set(Notice.error("Listing attempts", e).message());
                    }
                })
                .start();
    }

    /** The question Retry asks before it sends anything: which attempt, as which, and where. */
    public String retryQuestion(SubmitTools.Attempt attempt) {
        int next = attempts.stream().mapToInt(SubmitTools.Attempt::number).max().orElse(attempt.number()) + 1;
        return "Send attempt " + attempt.number() + "'s files again as attempt " + next
                + " to " + ClusterViewModel.describe(cluster.target()) + "?";
    }

    /**
     * The attempt's log as the log tab shows it. The core writes helm's command line into the log
     * as helm starts ({@code [info] $ helm ...}), as the CLI prints it; the record's copy is added
     * only when the log lacks it (helm never started, or the log file is gone), so it shows once.
     */
    public static String logText(SubmitTools.Attempt attempt) {
        String log = attempt.log() == null ? "" : attempt.log();
        if (attempt.command() == null || log.lines().anyMatch(line -> line.endsWith("$ " + attempt.command()))) {
            return log;
        }
        return "$ " + attempt.command() + "\n\n" + log;
    }

    /** The context an attempt went to, with its namespace where it differs from the default. */
    public static String where(SubmitTools.Attempt attempt) {
        return attempt.context() + (io.taskconsole.cluster.KubeTarget.DEFAULT_NAMESPACE.equals(attempt.namespace())
                ? "" : " / " + attempt.namespace());
    }

    public void retry(SubmitTools.Attempt attempt) {
        submit.retry(attempt.number());
    }
}
