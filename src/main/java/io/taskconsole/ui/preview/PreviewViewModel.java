package io.taskconsole.ui.preview;

import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.markdown.OutlineHeading;
import io.taskconsole.markdown.RenderedMarkdown;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rendered preview and the heading outline of the file being edited. Rendering runs on a
 * worker 250 ms after the last keystroke, one render at a time: edits made while one runs are
 * rendered together right after it, so a big file never has renders queueing up behind each other.
 * The worker also works out which blocks changed ({@link BlockChange}), so the FX thread only
 * swaps those in the list the view shows.
 */
public final class PreviewViewModel {

    public static final Duration QUIET = Duration.ofMillis(250);

    private final MarkdownTools markdown;
    private final BackgroundExecutor executor;
    private final Consumer<Notice> notices;
    private final EditorViewModel editor;
    private final ObservableList<PreviewBlock> blocks = FXCollections.observableArrayList();
    private final ObservableList<PreviewBlock> readOnlyBlocks = FXCollections.unmodifiableObservableList(blocks);
    private final ObservableList<OutlineHeading> outline = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final LongProperty renders = new SimpleLongProperty(this, "renders");
    private final Debouncer debouncer;
    /** Rendering is CPU work: one at a time, and only the newest waiting render runs next. */
    private final LatestOnly renderings = LatestOnly.oneAtATime();
    /** The last render with its true source lines; {@link #blocks} may hold older copies of moved blocks. */
    private List<PreviewBlock> latest = List.of();
    private DocumentModel shownDocument;

    public PreviewViewModel(MarkdownTools markdown, BackgroundExecutor executor, Consumer<Notice> notices, EditorViewModel editor) {
        this.markdown = markdown;
        this.executor = executor;
        this.notices = notices;
        this.editor = editor;
        this.debouncer = new Debouncer(executor, QUIET, this::render);
        editor.revisionProperty().addListener((o, a, b) -> debouncer.trigger());
        editor.selectedProperty().addListener((o, a, b) -> debouncer.trigger());
    }

    /** The blocks the preview shows, in order. Only changed blocks are replaced between renders. */
    public ObservableList<PreviewBlock> blocks() {
        return readOnlyBlocks;
    }

    /** How many renders have reached the view (for views that wait for the first one, and tests). */
    public ReadOnlyLongProperty rendersProperty() {
        return renders;
    }

    public ObservableList<OutlineHeading> outline() {
        return outline;
    }

    /** Why the last render failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The index of the block at or just above the 1-based {@code line}, for scroll sync; -1 when there is none. */
    public int blockAtLine(int line) {
        int low = 0;
        int high = latest.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (latest.get(middle).line() <= line) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * How many rows of block {@code index} (lines of code, or table rows under the header) lie above
     * the 1-based source {@code line}, so a view can scroll on down a part of a long block that is
     * taller than the pane; 0 for the part's first row, the lines above it, and blocks that are whole.
     */
    public int rowsAbove(int index, int line) {
        PreviewBlock block = latest.get(index);
        int rows = rows(block);
        if (block.part() == PreviewBlock.Part.WHOLE || rows == 0) {
            return 0;
        }
        // A part's rows are one source line each, and the next part starts on the line after its last;
        // only the first part starts above its rows, on a fence or a header.
        int firstRowLine = block.part().joinsPrevious() || index + 1 >= latest.size()
                ? block.line() : latest.get(index + 1).line() - rows;
        return Math.max(0, Math.min(line - firstRowLine, rows - 1));
    }

    private static int rows(PreviewBlock block) {
        if (block instanceof PreviewBlock.Code code) {
            return code.lineCount();
        }
        return block instanceof PreviewBlock.Table table ? table.rows().size() : 0;
    }

    /** The preview's text as a reader would copy it, block by block; the parts of a long block read as the block. */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        for (PreviewBlock block : blocks) {
            text.append(block.plainText()).append('\n');
        }
        return text.toString();
    }

    /** The document the shown blocks were rendered from; null before the first render. */
    public DocumentModel shownDocument() {
        return shownDocument;
    }

    /** Renders at once, skipping the wait (first show). */
    public void renderNow() {
        debouncer.cancel();
        render();
    }

    private void render() {
        DocumentModel doc = editor.selectedProperty().get();
        String text = doc == null ? "" : doc.text();
        List<PreviewBlock> before = latest;
        executor.computeTask(text.length(), () -> {
            RenderedMarkdown preview = markdown.render(text);
            return new Rendered(preview, BlockChange.between(before, preview.blocks()));
        }).latestIn(renderings).onSuccess(result -> {
            error.set("");
            latest = result.preview().blocks();
            shownDocument = doc;
            result.change().applyTo(blocks);
            renders.set(renders.get() + 1);
            if (!outline.equals(result.preview().outline().headings())) {
                outline.setAll(result.preview().outline().headings());
            }
        }).onFailure(e -> {
            Notice notice = Notice.error("Rendering the preview", e);
            error.set(notice.message());
            notices.accept(notice);
        }).start();
    }

    private record Rendered(RenderedMarkdown preview, BlockChange change) {
    }

    public void jumpToHeading(OutlineHeading heading) {
        DocumentModel doc = editor.selectedProperty().get();
        if (doc != null) {
            editor.jumpTo(doc.name(), heading.line());
        }
    }
}
