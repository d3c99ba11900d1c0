package io.taskconsole.ui.compare;

import atlantafx.base.theme.Styles;
import io.taskconsole.compare.Comparison;
import io.taskconsole.compare.DiffLine;
import io.taskconsole.compare.FileDiff;
import io.taskconsole.compare.Span;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Two sets of attempt files compared: one section per file, changed files open with their removed
 * and added lines and the changed words within them highlighted, unchanged files collapsed.
 * Long runs of unchanged lines inside a changed file fold to a "… N unchanged lines" row.
 */
public final class DiffView {

    /** Unchanged lines kept around a change before the rest is folded, as the unified diff keeps. */
    static final int CONTEXT = 3;

    private final DiffViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox files = new VBox();
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    /** The comparison the rows show, or null. */
    private Comparison drawn;

    public DiffView(DiffViewModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    /**
     * Whether the view is on screen (true unless bound). While it is not, a new comparison's rows
     * are not built: the comparison of two long files is thousands of nodes, which would be styled
     * and laid out in a tab nobody is looking at. They are built when the view is shown.
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    private void build() {
        root.setId("diff");
        Label summary = new Label();
        summary.setId("diff-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(4, 6, 4, 6));
        ScrollPane scroll = new ScrollPane(files);
        scroll.setFitToWidth(true);
        root.setTop(summary);
        root.setCenter(scroll);
        model.comparisonProperty().addListener((o, a, b) -> redraw());
        shown.addListener((o, a, b) -> redraw());
        redraw();
    }

    private void redraw() {
        Comparison comparison = model.comparisonProperty().get();
        if (shown.get() && comparison != drawn) {
            drawn = comparison;
            show(comparison);
        }
    }

    private void show(Comparison comparison) {
        files.getChildren().clear();
        if (comparison == null) {
            return;
        }
        for (FileDiff file : comparison.files()) {
            TitledPane pane = new TitledPane(file.describe(), file.differs() ? lines(file) : new Label("(unchanged)"));
            pane.setId("diff-file-" + file.name().replace('.', '-'));
            pane.getStyleClass().add(file.differs() ? "diff-changed-file" : "diff-unchanged-file");
            pane.setExpanded(file.differs());
            pane.setAnimated(false);
            files.getChildren().add(pane);
        }
    }

    /** The file's rows: unchanged runs folded beyond {@link #CONTEXT} lines from a change. */
    private static Node lines(FileDiff file) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("diff-lines", "monospace");
        // The text column takes the rest of the width, so a line's tint runs across the whole row.
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        text.setFillWidth(true);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), text);
        if (file.change() == FileDiff.Change.BINARY) {
            grid.add(new Label(String.join("\n", file.unified())), 0, 0);
            return grid;
        }
        List<DiffLine> lines = file.lines();
        int row = 0;
        for (int i = 0; i < lines.size(); i++) {
            DiffLine line = lines.get(i);
            if (line.kind() == DiffLine.Kind.SAME && !nearChange(lines, i)) {
                int end = i;
                while (end < lines.size() && lines.get(end).kind() == DiffLine.Kind.SAME && !nearChange(lines, end)) {
                    end++;
                }
                Label fold = new Label("… " + (end - i) + (end - i == 1 ? " unchanged line" : " unchanged lines"));
                fold.getStyleClass().addAll("diff-fold", Styles.TEXT_MUTED);
                grid.add(fold, 0, row++, 3, 1);
                i = end - 1;
                continue;
            }
            switch (line.kind()) {
                case SAME -> row = add(grid, row, " ", line.newNumber(), line.newSpans(), "diff-same");
                case REMOVED -> row = add(grid, row, "-", line.oldNumber(), line.oldSpans(), "diff-removed");
                case ADDED -> row = add(grid, row, "+", line.newNumber(), line.newSpans(), "diff-added");
                case CHANGED -> {
                    row = add(grid, row, "-", line.oldNumber(), line.oldSpans(), "diff-removed");
                    row = add(grid, row, "+", line.newNumber(), line.newSpans(), "diff-added");
                }
            }
        }
        return grid;
    }

    private static boolean nearChange(List<DiffLine> lines, int index) {
        for (int j = Math.max(0, index - CONTEXT); j <= Math.min(lines.size() - 1, index + CONTEXT); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.SAME) {
                return true;
            }
        }
        return false;
    }

    private static int add(GridPane grid, int row, String mark, Integer number, List<Span> spans, String style) {
        Label no = new Label(number == null ? "" : number.toString());
        no.getStyleClass().addAll("diff-number", Styles.TEXT_MUTED);
        Label sign = new Label(mark);
        sign.getStyleClass().add("diff-mark");
        TextFlow text = new TextFlow();
        for (Span span : spans) {
            Text piece = new Text(span.text());
            piece.getStyleClass().add(span.changed() ? "diff-word" : "diff-text");
            text.getChildren().add(span.changed() ? highlighted(piece) : piece);
        }
        text.getStyleClass().add(style);
        no.getStyleClass().add(style);
        sign.getStyleClass().add(style);
        no.setMaxWidth(Double.MAX_VALUE);
        no.setMaxHeight(Double.MAX_VALUE);
        sign.setMaxHeight(Double.MAX_VALUE);
        text.setMaxWidth(Double.MAX_VALUE);
        grid.add(no, 0, row);
        grid.add(sign, 1, row);
        grid.add(text, 2, row);
        return row + 1;
    }

    /** A changed word on a background of its own (a Text cannot have one). */
    private static Node highlighted(Text piece) {
        Label word = new Label();
        word.setGraphic(piece);
        word.getStyleClass().add("diff-word-box");
        return word;
    }
}
