package io.taskconsole.ui.preview;

import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rendered preview and the heading outline of the file being edited. Rendering runs on a
 * worker 250 ms after the last keystroke; a result that arrives after a newer one was asked for is
 * dropped, so the preview never shows older text than it already did.
 */
public final class PreviewViewModel {

    public static final Duration QUIET = Duration.ofMillis(250);

    private final MarkdownTools markdown;
    private final BackgroundExecutor executor;
    private final Consumer<Notice> notices;
    private final EditorViewModel editor;
    private final StringProperty html = new SimpleStringProperty(this, "html", "");
    private final ObservableList<MarkdownTools.Heading> outline = FXCollections.observableArrayList();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final Debouncer debouncer;
    private long requested;

    public PreviewViewModel(MarkdownTools markdown, BackgroundExecutor executor, Consumer<Notice> notices, EditorViewModel editor) {
        this.markdown = markdown;
        this.executor = executor;
        this.notices = notices;
        this.editor = editor;
        this.debouncer = new Debouncer(executor, QUIET, this::render);
        editor.revisionProperty().addListener((o, a, b) -> debouncer.trigger());
        editor.selectedProperty().addListener((o, a, b) -> debouncer.trigger());
        dark.addListener((o, a, b) -> debouncer.trigger());
    }

    /** The full HTML page to show; empty until the first render. */
    public ReadOnlyStringProperty htmlProperty() {
        return html;
    }

    public ObservableList<MarkdownTools.Heading> outline() {
        return outline;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Why the last render failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Renders at once, skipping the wait (first show). */
    public void renderNow() {
        debouncer.cancel();
        render();
    }

    private void render() {
        DocumentModel doc = editor.selectedProperty().get();
        String text = doc == null ? "" : doc.text();
        boolean isDark = dark.get();
        long ticket = ++requested;
        executor.task(() -> markdown.render(text, isDark))
                .onSuccess(result -> {
                    if (ticket == requested) {
                        error.set("");
                        html.set(result.html());
                        outline.setAll(result.outline());
                    }
                })
                .onFailure(e -> {
                    if (ticket == requested) {
                        Notice notice = Notice.error("Rendering the preview", e);
                        error.set(notice.message());
                        notices.accept(notice);
                    }
                })
                .start();
    }

    public void jumpToHeading(MarkdownTools.Heading heading) {
        DocumentModel doc = editor.selectedProperty().get();
        if (doc != null) {
            editor.jumpTo(doc.name(), heading.line());
        }
    }
}
