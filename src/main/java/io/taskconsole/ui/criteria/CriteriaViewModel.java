package io.taskconsole.ui.criteria;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.editor.EditorViewModel;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The acceptance criteria the core finds in the open task, re-extracted in the background a
 * moment after each edit. {@link #missingProperty()} drives the "no criteria" warning.
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

    public void extractNow() {
        debouncer.cancel();
        extract();
    }

    private void extract() {
        List<TaskFile> files = editor.snapshot().map(d -> d.files()).orElse(List.of());
        boolean open = editor.isOpen();
        executor.task(() -> markdown.criteria(files))
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
