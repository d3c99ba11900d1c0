package io.taskconsole.ui.criteria;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The acceptance criteria the core finds in the open task, re-extracted in the background a
 * moment after each edit. {@link #missingProperty()} drives the "no criteria" warning. Once
 * {@link #followReports} is called, {@link #reports()} holds what the agent of each attempt reported
 * against these criteria, read again in the background whenever the attempts or the criteria change.
 */
public final class CriteriaViewModel {

    public static final Duration QUIET = Duration.ofMillis(300);

    private final MarkdownTools markdown;
    private final BackgroundExecutor executor;
    private final Consumer<Notice> notices;
    private final EditorViewModel editor;
    private final ObservableList<Criterion> criteria = FXCollections.observableArrayList();
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final IntegerProperty checked = new SimpleIntegerProperty(this, "checked");
    private final BooleanProperty extracted = new SimpleBooleanProperty(this, "extracted");
    private final BooleanBinding missing;
    private final Debouncer debouncer;
    private final LatestOnly extractions = LatestOnly.oneAtATime();
    private final ObservableList<AttemptReport> reports = FXCollections.observableArrayList();
    private final LatestOnly reportReads = LatestOnly.oneAtATime();
    private SubmitTools tools;
    private List<AttemptSummary> attempts = List.of();

    public CriteriaViewModel(MarkdownTools markdown, BackgroundExecutor executor, Consumer<Notice> notices, EditorViewModel editor) {
        this.markdown = markdown;
        this.executor = executor;
        this.notices = notices;
        this.editor = editor;
        this.missing = extracted.and(Bindings.isEmpty(criteria));
        this.debouncer = new Debouncer(executor, QUIET, this::extract);
        editor.revisionProperty().addListener((o, a, b) -> debouncer.trigger());
    }

    /** Top-level criteria; each holds its children. */
    public ObservableList<Criterion> criteria() {
        return criteria;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyIntegerProperty checkedProperty() {
        return checked;
    }

    /** True when a task is open and has no criteria at all. */
    public BooleanBinding missingProperty() {
        return missing;
    }

    /** The acceptance reports of the open task's attempts, oldest attempt first. */
    public ObservableList<AttemptReport> reports() {
        return reports;
    }

    /**
     * Reads the acceptance reports of {@code attempts} (the Attempts pane's list, which a submission
     * refreshes) through {@code tools}, again whenever that list or the criteria change.
     */
    public void followReports(SubmitTools tools, ObservableList<AttemptSummary> attempts) {
        this.tools = tools;
        attempts.addListener((ListChangeListener<AttemptSummary>) c -> {
            this.attempts = List.copyOf(attempts);
            readReports();
        });
        // Known ids come from the criteria: a renamed or added criterion changes what is unknown.
        criteria.addListener((ListChangeListener<Criterion>) c -> readReports());
        this.attempts = List.copyOf(attempts);
        readReports();
    }

    private void readReports() {
        if (tools == null) {
            return;
        }
        Optional<TaskDraft> draft = editor.snapshot();
        List<AttemptSummary> asked = attempts.stream().sorted(Comparator.comparingInt(AttemptSummary::number)).toList();
        SubmitTools reader = tools;
        executor.task(() -> draft.isEmpty() ? List.<AttemptReport>of() : read(reader, draft.get(), asked))
                .latestIn(reportReads)
                .onSuccess(reports::setAll)
                .onFailure(e -> notices.accept(Notice.error("Reading the attempts' acceptance reports", e)))
                .start();
    }

    /** On a worker: one attempt's unreadable log costs that attempt its report, not the others theirs. */
    private static List<AttemptReport> read(SubmitTools tools, TaskDraft draft, List<AttemptSummary> attempts) {
        List<AttemptReport> read = new ArrayList<>();
        for (AttemptSummary a : attempts) {
            try {
                read.add(new AttemptReport(a.number(), tools.acceptanceReport(draft, a), null));
            } catch (TaskConsoleException e) {
                read.add(AttemptReport.unreadable(a.number(), e.oneLine()));
            }
        }
        return read;
    }

    public void extractNow() {
        debouncer.cancel();
        extract();
    }

    private void extract() {
        List<TaskFile> files = editor.snapshot().map(d -> d.files()).orElse(List.of());
        boolean open = editor.isOpen();
        executor.computeTask(files.stream().mapToLong(f -> f.content().length()).sum(), () -> markdown.criteria(files))
                .latestIn(extractions)
                .onSuccess(found -> {
                    if (!criteria.equals(found)) {
                        criteria.setAll(found);
                    }
                    total.set(count(found, false));
                    checked.set(count(found, true));
                    extracted.set(open);
                })
                .onFailure(e -> notices.accept(Notice.error("Finding acceptance criteria", e)))
                .start();
    }

    private static int count(List<Criterion> items, boolean onlyChecked) {
        int n = 0;
        for (Criterion c : items) {
            if (!onlyChecked || c.checked()) {
                n++;
            }
            n += count(c.children(), onlyChecked);
        }
        return n;
    }

    /** Moves the editor to where the criterion is written. */
    public void reveal(Criterion criterion) {
        editor.jumpTo(criterion.source(), criterion.line());
    }
}
