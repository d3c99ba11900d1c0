package io.taskconsole.ui.log;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.Cell;
import org.fxmisc.flowless.VirtualFlow;
import org.fxmisc.flowless.VirtualFlowHit;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The log panel's lines in a Flowless virtual flow (the one RichTextFX's editor is built on), which
 * lays out and styles only the rows on screen.
 *
 * <p>Why not a {@code ListView}: JavaFX 21's {@code VirtualFlow} walks every row's size when the
 * item count changes and again when it scrolls to an index, even with a fixed cell size. With
 * 100,000 lines each batch held the FX thread 40-80 ms; here a batch costs the same at 100 lines as
 * at 100,000.
 *
 * <p>The selection is a range of line numbers (anchor to caret), so it stays on the same lines when
 * the buffer drops older ones from the top. Keys: Up, Down, Page Up, Page Down, Home, End move the
 * caret line (with Shift they extend the selection), Ctrl+A selects every line.
 */
public final class LogLinesView extends StackPane {

    /** Fills a row for its line: text, colours, search hits. */
    @FunctionalInterface
    public interface Painter {
        void paint(Row row, LogLine line, int index);
    }

    /** Tells the owner the user scrolled or moved, and whether the newest line is now in view. */
    @FunctionalInterface
    public interface ScrollListener {
        void userScrolled(boolean atBottom);
    }

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass CARET = PseudoClass.getPseudoClass("caret");
    private static final double ROW_HEIGHT = 22;

    private final ObservableList<LogLine> lines;
    private final Painter painter;
    private final VirtualFlow<LogLine, Row> flow;
    private final VirtualizedScrollPane<VirtualFlow<LogLine, Row>> scroll;
    private ScrollListener scrollListener = atBottom -> { };
    private long anchor = -1;
    private long caret = -1;
    private boolean checkPending;

    public LogLinesView(ObservableList<LogLine> lines, Node placeholder, Painter painter) {
        this.lines = lines;
        this.painter = painter;
        flow = VirtualFlow.createVertical(lines, Row::new);
        scroll = new VirtualizedScrollPane<>(flow);
        StackPane.setAlignment(placeholder, Pos.CENTER);
        placeholder.visibleProperty().bind(Bindings.isEmpty(lines));
        placeholder.setMouseTransparent(true);
        getChildren().addAll(scroll, placeholder);
        getStyleClass().add("log-lines");
        setFocusTraversable(true);

        flow.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        flow.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        // Scrolling by wheel, touch pad or the scroll bar: after the flow has laid out, tell the
        // owner whether the newest line is in view (following pauses or resumes on that).
        addEventFilter(ScrollEvent.SCROLL, e -> userMoved());
        scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> userMoved());
        scroll.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!(e.getTarget() instanceof Node n && isRow(n))) {
                userMoved();
            }
        });
        lines.addListener((javafx.collections.ListChangeListener<LogLine>) c -> {
            if (lines.isEmpty()) {
                anchor = -1;
                caret = -1;
            }
        });
    }

    public void setScrollListener(ScrollListener listener) {
        this.scrollListener = listener;
    }

    /** The lines, as listed. */
    public ObservableList<LogLine> getItems() {
        return lines;
    }

    /** Brings the newest line to the bottom edge. */
    public void showLast() {
        if (!lines.isEmpty()) {
            flow.showAsLast(lines.size() - 1);
        }
    }

    /** Scrolls so that line {@code index} is near the top, a few lines of context above it. */
    public void reveal(int index, int context) {
        flow.showAsFirst(Math.max(0, index - context));
    }

    /** Whether the newest line is in view (or there are none). */
    public boolean atBottom() {
        return lines.isEmpty() || flow.getLastVisibleIndex() >= lines.size() - 1;
    }

    /** The index of the last line on screen, -1 when none is. */
    public int lastVisibleIndex() {
        return lines.isEmpty() ? -1 : flow.getLastVisibleIndex();
    }

    /** Selects the one line at {@code index}. */
    public void select(int index) {
        if (index >= 0 && index < lines.size()) {
            anchor = caret = lines.get(index).number();
            repaintState();
        }
    }

    public void clearSelection() {
        anchor = caret = -1;
        repaintState();
    }

    /** The selected lines, oldest first; empty when none. */
    public List<LogLine> selectedLines() {
        List<LogLine> selected = new ArrayList<>();
        if (caret < 0 || lines.isEmpty()) {
            return selected;
        }
        long first = lines.get(0).number();
        int from = (int) Math.max(0, Math.min(anchor, caret) - first);
        int to = (int) Math.min(lines.size() - 1, Math.max(anchor, caret) - first);
        for (int i = from; i <= to; i++) {
            selected.add(lines.get(i));
        }
        return selected;
    }

    /** Paints the rows on screen again (a new search, another current match). */
    public void refresh() {
        for (Row row : flow.visibleCells()) {
            row.repaint();
        }
    }

    private void repaintState() {
        for (Row row : flow.visibleCells()) {
            row.paintState();
        }
    }

    private boolean isSelected(LogLine line) {
        return caret >= 0 && line.number() >= Math.min(anchor, caret) && line.number() <= Math.max(anchor, caret);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        LogLine line = lineAt(e.getX(), e.getY());
        if (line == null) {
            return;
        }
        caret = line.number();
        if (!e.isShiftDown() || anchor < 0) {
            anchor = caret;
        }
        repaintState();
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || anchor < 0) {
            return;
        }
        LogLine line = lineAt(e.getX(), Math.max(0, Math.min(flow.getHeight() - 1, e.getY())));
        if (line != null && line.number() != caret) {
            caret = line.number();
            repaintState();
        }
    }

    /** The line under a point of the flow, or null. */
    private LogLine lineAt(double x, double y) {
        VirtualFlowHit<Row> hit = flow.hit(x, y);
        return hit.isCellHit() ? hit.getCell().line : null;
    }

    private void keyPressed(KeyEvent e) {
        if (lines.isEmpty()) {
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.A) {
            anchor = lines.get(0).number();
            caret = lines.get(lines.size() - 1).number();
            repaintState();
            e.consume();
            return;
        }
        int page = Math.max(1, (int) (flow.getHeight() / ROW_HEIGHT) - 1);
        int at = caretIndex();
        int to = switch (e.getCode()) {
            case UP -> at - 1;
            case DOWN -> at + 1;
            case PAGE_UP -> at - page;
            case PAGE_DOWN -> at + page;
            case HOME -> 0;
            case END -> lines.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return;
        }
        to = Math.max(0, Math.min(lines.size() - 1, to));
        caret = lines.get(to).number();
        if (!e.isShiftDown() || anchor < 0) {
            anchor = caret;
        }
        flow.show(to);
        repaintState();
        userMoved();
        e.consume();
    }

    /** The caret line's index; with no caret, the last line on screen, so Up starts from what is seen. */
    private int caretIndex() {
        if (caret < 0) {
            return Math.max(0, Math.min(lines.size() - 1, flow.getLastVisibleIndex()));
        }
        return (int) Math.max(0, Math.min(lines.size() - 1, caret - lines.get(0).number()));
    }

    /** Once the flow has laid out the new position: is the newest line in view? */
    private void userMoved() {
        Scene scene = getScene();
        if (checkPending || scene == null) {
            return;
        }
        checkPending = true;
        Runnable check = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                checkPending = false;
                scrollListener.userScrolled(atBottom());
            }
        };
        scene.addPostLayoutPulseListener(check);
        Platform.requestNextPulse();
    }

    private static boolean isRow(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("log-cell")) {
                return true;
            }
        }
        return false;
    }

    /**
     * One row on screen, reused for whichever line scrolls into it. The row is its text flow, no
     * wrapper: Flowless puts a reused row back into the scene, which styles its nodes anew, so
     * each node fewer is time off every batch.
     */
    public final class Row implements Cell<LogLine, TextFlow> {
        private final TextFlow node = new TextFlow();
        private LogLine line;
        private int index = -1;

        Row(LogLine line) {
            this.line = line;
            node.getStyleClass().addAll("log-cell", "log-flow");
            node.setMinHeight(ROW_HEIGHT);
            node.setPrefHeight(ROW_HEIGHT);
            node.setMaxHeight(ROW_HEIGHT);
            // A row is as wide as its line: the flow makes every row as wide as the widest row's
            // minimum, so a long line scrolls sideways instead of wrapping over the rows below it.
            node.setMinWidth(Region.USE_PREF_SIZE);
        }

        /** Where the painter puts the line's runs. */
        public TextFlow text() {
            return node;
        }

        /** The row's style classes, for the painter's stream and match marks. */
        public ObservableList<String> styleClass() {
            return node.getStyleClass();
        }

        @Override
        public TextFlow getNode() {
            return node;
        }

        @Override
        public boolean isReusable() {
            return true;
        }

        @Override
        public void updateItem(LogLine item) {
            line = item;
            repaint();
        }

        @Override
        public void updateIndex(int index) {
            if (this.index != index) {
                this.index = index;
                repaint();
            }
        }

        @Override
        public void reset() {
            line = null;
            index = -1;
            node.getChildren().clear();
        }

        void repaint() {
            if (line != null && index >= 0) {
                painter.paint(this, line, index);
            }
            paintState();
        }

        void paintState() {
            boolean selected = line != null && isSelected(line);
            node.pseudoClassStateChanged(SELECTED, selected);
            node.pseudoClassStateChanged(CARET, line != null && line.number() == caret);
        }
    }
}
