package io.taskconsole.ui.preview;

import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rendered preview and the heading outline of the file being edited. Rendering runs on a
 * worker 250 ms after the last keystroke, one render at a time: edits made while one runs are
 * rendered together right after it, so a big file never has renders queueing up behind each other.
 * Each result also says which blocks of the page changed ({@link #updateProperty()}), so the view can
 * patch the page it shows rather than reload it.
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
    private final ObjectProperty<PreviewUpdate> update = new SimpleObjectProperty<>(this, "update");
    private final Debouncer debouncer;
    private boolean rendering;
    private boolean renderAgain;
    private long version;
    private PageBlocks shownBlocks;

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

    /** The latest page with, when possible, how it differs from the one before; null until the first render. */
    ReadOnlyObjectProperty<PreviewUpdate> updateProperty() {
        return update;
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
        if (rendering) {
            renderAgain = true;
            return;
        }
        rendering = true;
        DocumentModel doc = editor.selectedProperty().get();
        String text = doc == null ? "" : doc.text();
        boolean isDark = dark.get();
        PageBlocks before = shownBlocks;
        executor.task(() -> {
            MarkdownTools.Preview preview = markdown.render(text, isDark);
            Optional<PageBlocks> blocks = PageBlocks.of(preview.html());
            Optional<PreviewPatch> patch = before == null ? Optional.empty()
                    : blocks.flatMap(after -> PreviewPatch.between(before, after));
            return new Rendered(preview, blocks.orElse(null), patch);
        }).onSuccess(result -> {
            error.set("");
            shownBlocks = result.blocks();
            version++;
            html.set(result.preview().html());
            update.set(new PreviewUpdate(version, result.preview().html(), result.blocks(), result.patch()));
            if (!outline.equals(result.preview().outline())) {
                outline.setAll(result.preview().outline());
            }
        }).onFailure(e -> {
            Notice notice = Notice.error("Rendering the preview", e);
            error.set(notice.message());
            notices.accept(notice);
        }).onFinally(() -> {
            rendering = false;
            if (renderAgain) {
                renderAgain = false;
                render();
            }
        }).start();
    }

    private record Rendered(MarkdownTools.Preview preview, PageBlocks blocks, Optional<PreviewPatch> patch) {
    }

    public void jumpToHeading(MarkdownTools.Heading heading) {
        DocumentModel doc = editor.selectedProperty().get();
        if (doc != null) {
            editor.jumpTo(doc.name(), heading.line());
        }
    }
}
