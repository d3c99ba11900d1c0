package io.taskconsole.ui.preview;

import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.util.Duration;

/**
 * The live preview: the document's blocks in a virtual list, drawn with JavaFX nodes. Only the
 * blocks on screen have nodes, so a 1 MB file costs no more to show than a short one, and there is
 * no browser engine: nothing in a Markdown file can run a script or fetch a URL (links show their
 * target as a tooltip, images their description). The list follows the editor's caret; a reader
 * can select blocks and copy their text (Ctrl+C or the context menu).
 */
public final class PreviewView {

    private final PreviewViewModel model;
    private final EditorViewModel editor;
    private final ListView<PreviewBlock> list = new ListView<>();
    private final PauseTransition scrollDelay = new PauseTransition(Duration.millis(120));
    /** A newly opened file is shown at the caret once its first render arrives. */
    private boolean scrollAfterRender = true;
    /** A scroll to the caret was asked for before the list had a size; done at its first layout. */
    private boolean scrollWhenLaidOut;
    /** The caret line the list was last scrolled to. */
    private int scrolledToLine = -1;
    /** The list shows the caret's block because it was scrolled there, and the reader has not scrolled it since. */
    private boolean atCaret;

    public PreviewView(PreviewViewModel model, EditorViewModel editor) {
        this.model = model;
        this.editor = editor;
        list.setId("preview");
        list.getStyleClass().addAll("preview-pane", "markdown-preview");
        list.setAccessibleText("Preview of the Markdown");
        list.setMinWidth(0);
        list.setItems(model.blocks());
        list.setCellFactory(view -> new BlockCell());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("Nothing to preview yet"));
        enableCopy();
        followCaret();
        // The list gets its skin (CSS) and then its size (layout); the deferred scroll waits for both,
        // whichever comes last.
        list.heightProperty().addListener((o, a, height) -> scrollIfLaidOut());
        list.skinProperty().addListener((o, a, skin) -> scrollIfLaidOut());
        keepAtCaretWhenResized();
    }

    /**
     * A resized list keeps its scroll position as a fraction of its length, which puts another block
     * in view: at startup the pane is laid out once at its default height and again when the window's
     * dividers are restored, and the caret's block ended up out of view (at the end of a long task).
     * While the list is at the caret, a new size scrolls it there again; once the reader has scrolled
     * the preview, a new size leaves it where the reader put it.
     */
    private void keepAtCaretWhenResized() {
        ChangeListener<Number> resized = (o, before, now) -> {
            if (atCaret && before.doubleValue() > 0 && now.doubleValue() > 0) {
                javafx.application.Platform.runLater(() -> {
                    if (atCaret) {
                        scrollToCaret();
                    }
                });
            }
        };
        list.heightProperty().addListener(resized);
        list.widthProperty().addListener(resized);
        javafx.event.EventHandler<javafx.event.Event> readerScrolls = e -> atCaret = false;
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, readerScrolls);
        list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, readerScrolls);
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, readerScrolls);
    }

    private void scrollIfLaidOut() {
        if (scrollWhenLaidOut && list.getHeight() > 0 && list.getSkin() != null) {
            scrollWhenLaidOut = false;
            javafx.application.Platform.runLater(this::scrollToCaret);
        }
    }

    public Node node() {
        return list;
    }

    /** The list that shows the blocks (for tests and the window's focus keys). */
    public ListView<PreviewBlock> listView() {
        return list;
    }

    /** The text of the whole preview, block by block, as a reader would copy it. */
    public String renderedText() {
        return model.plainText();
    }

    /** The text drawn in the cells on screen, top to bottom: what the reader sees now. */
    public String drawnText() {
        return list.lookupAll(".md-block").stream()
                .map(node -> (BlockCell) node)
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getGraphic() != null)
                .sorted(java.util.Comparator.comparingInt(BlockCell::getIndex))
                .map(cell -> drawnText(cell.getGraphic()))
                .collect(Collectors.joining("\n"));
    }

    private static String drawnText(Node node) {
        if (!node.isVisible()) {
            return "";
        }
        if (node instanceof javafx.scene.text.Text text) {
            return text.getText();
        }
        if (node instanceof javafx.scene.Parent parent) {
            return parent.getChildrenUnmodifiable().stream().map(PreviewView::drawnText).collect(Collectors.joining());
        }
        return "";
    }

    private void enableCopy() {
        // No accelerator on the menu item: that would copy the preview's blocks wherever Ctrl+C is pressed.
        KeyCodeCombination shortcut = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        MenuItem copy = new MenuItem("Copy  (" + shortcut.getDisplayText() + ")");
        copy.setOnAction(e -> copySelection());
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setContextMenu(new ContextMenu(copy));
        list.setOnKeyPressed(e -> {
            if (shortcut.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    private void copySelection() {
        List<Integer> selected = list.getSelectionModel().getSelectedIndices().stream().sorted().toList();
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < selected.size(); n++) {
            int index = selected.get(n);
            PreviewBlock block = list.getItems().get(index);
            if (n > 0) {
                // Parts of one long block are its lines, one after another; separate blocks are paragraphs apart.
                boolean nextPart = selected.get(n - 1) == index - 1 && block.part().joinsPrevious();
                text.append(nextPart ? "\n" : "\n\n");
            }
            text.append(block.plainText());
        }
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.toString());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** Scrolls to the block under the editor's caret a moment after the caret stops, and after each render. */
    private void followCaret() {
        scrollDelay.setOnFinished(e -> scrollToCaret());
        ChangeListener<Number> caretMoved = (o, a, b) -> scrollDelay.playFromStart();
        editor.selectedProperty().addListener((o, old, doc) -> {
            scrollAfterRender = true;
            if (old != null) {
                old.caretLineProperty().removeListener(caretMoved);
            }
            if (doc != null) {
                doc.caretLineProperty().addListener(caretMoved);
            }
        });
        DocumentModel current = editor.selectedProperty().get();
        if (current != null) {
            current.caretLineProperty().addListener(caretMoved);
        }
        model.rendersProperty().addListener((o, a, b) -> {
            DocumentModel doc = editor.selectedProperty().get();
            if (model.shownDocument() != doc || doc == null) {
                return;
            }
            // Also when the caret moved to a line since the last scroll: that scroll found its block in
            // the blocks of the text before (a caret put back on reopen can come before the render).
            if (scrollAfterRender || doc.caretLineProperty().get() != scrolledToLine) {
                scrollAfterRender = false;
                scrollToCaret();
            }
        });
    }

    private void scrollToCaret() {
        DocumentModel doc = editor.selectedProperty().get();
        if (doc == null) {
            return;
        }
        if (list.getSkin() == null || list.getHeight() <= 0) {
            // Not laid out yet (the first task of a start can be rendered before the pane's first
            // layout): a scroll now would be lost, so it is done once the list has its size.
            scrollWhenLaidOut = true;
            return;
        }
        int line = Math.max(1, doc.caretLineProperty().get());
        scrolledToLine = doc.caretLineProperty().get();
        int index = model.blockAtLine(line);
        list.scrollTo(Math.max(0, index));
        if (index >= 0) {
            scrollWithin(index, model.rowsAbove(index, line));
            settle(index, line, 3);
            atCaret = true;
        }
    }

    /**
     * The list places a far block from its cells' estimated heights; once the cells on the way have
     * been measured (just after new blocks came in, as on reopen) the block can be out of view. Lays
     * the list out and scrolls again until it is in view, here and now (later would fight a reader
     * who scrolls the preview).
     */
    private void settle(int index, int line, int tries) {
        for (int i = 0; i < tries; i++) {
            list.layout();
            if (!(list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
                return;
            }
            javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
            javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && index >= first.getIndex() && index <= last.getIndex()) {
                return;
            }
            list.scrollTo(index);
            scrollWithin(index, model.rowsAbove(index, line));
        }
    }

    /** A part of a long code block or table may be taller than the pane: goes on down from its top to the caret's row. */
    private void scrollWithin(int index, int rows) {
        if (rows == 0) {
            return;
        }
        list.layout();
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getVisibleCell(index) instanceof BlockCell cell) {
            flow.scrollPixels(cell.rowTop(rows));
        }
    }
}
