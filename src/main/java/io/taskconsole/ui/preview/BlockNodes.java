package io.taskconsole.ui.preview;

import io.taskconsole.markdown.Nesting;
import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.markdown.Span;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

/**
 * Draws one preview block with plain JavaFX nodes: text flows for prose, a box for code, a grid
 * for tables. Nothing here loads a URL or runs a script; a link shows its target as a tooltip. The
 * look comes from the {@code md-*} style classes in console.css, which use the theme's colours.
 */
final class BlockNodes {

    /** The narrowest a list level's column gets; a list's widest marker, or a number and a box, may widen it. */
    private static final double MARKER_WIDTH = 26;

    private BlockNodes() {
    }

    static Node of(PreviewBlock block) {
        return nested(block.nesting(), content(block));
    }

    private static Node content(PreviewBlock block) {
        if (block instanceof PreviewBlock.Heading heading) {
            return heading(heading);
        } else if (block instanceof PreviewBlock.Paragraph paragraph) {
            return flow(paragraph.spans(), "md-paragraph");
        } else if (block instanceof PreviewBlock.Code code) {
            return code(code);
        } else if (block instanceof PreviewBlock.Table table) {
            return table(table);
        }
        return rule();
    }

    private static Node heading(PreviewBlock.Heading heading) {
        TextFlow flow = flow(heading.spans(), "md-heading");
        flow.getStyleClass().add("md-h" + heading.level());
        return flow;
    }

    private static Node code(PreviewBlock.Code code) {
        // A trailing empty line would leave a blank band at the box's foot; a part that the next one continues keeps it.
        boolean dropLastEmptyLine = code.code().endsWith("\n") && !code.part().joinsNext();
        Text text = new Text(dropLastEmptyLine ? code.code().substring(0, code.code().length() - 1) : code.code());
        text.getStyleClass().addAll("md-text", "md-mono");
        TextFlow flow = new TextFlow(text);
        flow.getStyleClass().add("md-code-text");
        flow.setMinWidth(0);
        VBox box = new VBox(flow);
        box.getStyleClass().add("md-code-block");
        box.setMinWidth(0);
        if (!code.language().isEmpty()) {
            Tooltip.install(box, new Tooltip(code.language()));
        }
        return box;
    }

    private static Node table(PreviewBlock.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setMinWidth(0);
        int columns = table.alignments().size();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHalignment(HPos.LEFT);
            grid.getColumnConstraints().add(column);
        }
        int top = headerRows(table);
        if (top > 0) {
            addRow(grid, 0, table.header(), table.alignments(), "md-th");
        }
        for (int r = 0; r < table.rows().size(); r++) {
            addRow(grid, top + r, table.rows().get(r), table.alignments(), r % 2 == 0 ? "md-td" : "md-td-alt");
        }
        return grid;
    }

    /** A part that continues a table has no header: the first part's stays the only one. */
    private static int headerRows(PreviewBlock.Table table) {
        return table.header().isEmpty() ? 0 : 1;
    }

    private static void addRow(GridPane grid, int row, List<List<Span>> cells, List<PreviewBlock.Alignment> alignments, String style) {
        for (int c = 0; c < cells.size(); c++) {
            TextFlow flow = flow(cells.get(c), "md-cell-text");
            flow.setTextAlignment(switch (alignments.get(c)) {
                case CENTER -> TextAlignment.CENTER;
                case RIGHT -> TextAlignment.RIGHT;
                default -> TextAlignment.LEFT;
            });
            StackPane cell = new StackPane(flow);
            cell.setAlignment(Pos.TOP_LEFT);
            cell.getStyleClass().addAll("md-cell", style);
            cell.setMinWidth(0);
            cell.setMaxHeight(Double.MAX_VALUE);
            grid.add(cell, c, row);
        }
    }

    private static Node rule() {
        Separator separator = new Separator();
        separator.getStyleClass().add("md-rule");
        return separator;
    }

    /**
     * Draws, outermost first, a bar for each quote and a column for each list level around
     * {@code content}: the innermost list's column holds the item's marker, outer ones are blank.
     */
    private static Node nested(Nesting nesting, Node content) {
        List<Nesting.Level> levels = nesting.levels();
        if (levels.isEmpty()) {
            return content;
        }
        HBox row = new HBox();
        row.getStyleClass().add("md-nested");
        row.setMinWidth(0);
        row.setFillHeight(true);
        if (levels.contains(Nesting.Level.QUOTE)) {
            row.getStyleClass().add("md-quoted");
        }
        int innermostList = levels.lastIndexOf(Nesting.Level.LIST);
        int listLevel = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) == Nesting.Level.QUOTE) {
                Region bar = new Region();
                bar.getStyleClass().add("md-quote-bar");
                bar.setMinWidth(Region.USE_PREF_SIZE);
                row.getChildren().add(bar);
            } else {
                String widest = nesting.widestMarkers().get(listLevel++);
                row.getChildren().add(i == innermostList ? marker(nesting, widest) : column(markerText(widest)));
            }
        }
        HBox.setHgrow(content, Priority.ALWAYS);
        if (content instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        row.getChildren().add(content);
        return row;
    }

    /**
     * The innermost list's column: the item's number or bullet, right-aligned over the list's widest
     * marker so that "99." and "100." end at one edge, then the task box, if any.
     */
    private static Node marker(Nesting nesting, String widest) {
        boolean numbered = !nesting.marker().isEmpty() && Character.isDigit(nesting.marker().charAt(0));
        // A task item shows its box where the bullet would be, as GitHub does; a numbered one keeps its number.
        boolean boxOnly = nesting.task() != Nesting.Task.NONE && !numbered;
        HBox marker = boxOnly ? column() : column(markerText(widest));
        if (nesting.startsItem() && !boxOnly) {
            Label label = new Label(nesting.marker());
            label.getStyleClass().add("md-marker-text");
            label.setMinWidth(Region.USE_PREF_SIZE);
            ((StackPane) marker.getChildren().get(0)).getChildren().add(label);
        }
        if (nesting.task() != Nesting.Task.NONE) {
            CheckBox box = new CheckBox();
            box.setSelected(nesting.task() == Nesting.Task.DONE);
            box.setMouseTransparent(true);
            box.setFocusTraversable(false);
            box.getStyleClass().add("md-task-box");
            box.setAccessibleText(nesting.task() == Nesting.Task.DONE ? "done" : "open");
            marker.getChildren().add(box);
        }
        return marker;
    }

    /**
     * A list level's column. {@code sizer} holds the list's widest marker, drawn invisibly: every
     * block of the list then has a column as wide, whichever item it belongs to, so the items' text
     * starts at one edge however many digits their numbers have.
     */
    private static HBox column(Node... sizer) {
        HBox column = new HBox(4);
        column.getStyleClass().add("md-marker");
        column.setMinWidth(MARKER_WIDTH);
        if (sizer.length > 0) {
            StackPane text = new StackPane(sizer);
            text.setAlignment(Pos.TOP_RIGHT);
            text.setMinWidth(Region.USE_PREF_SIZE);
            column.getChildren().add(text);
        }
        return column;
    }

    private static Label markerText(String widest) {
        Label sizer = new Label(widest);
        sizer.getStyleClass().add("md-marker-text");
        sizer.setMinWidth(Region.USE_PREF_SIZE);
        sizer.setVisible(false);
        return sizer;
    }

    /**
     * The top of {@code block}'s {@code row}-th line of code, or its {@code row}-th table row under
     * the header, in {@code graphic}'s coordinates, for scrolling to a line inside a tall part; 0
     * for other blocks.
     */
    static double rowTop(PreviewBlock block, Node graphic, int row) {
        if (block instanceof PreviewBlock.Code code && graphic.lookup(".md-code-text") instanceof TextFlow flow) {
            int start = 0;
            for (int r = 0; r < row; r++) {
                int newline = code.code().indexOf('\n', start);
                if (newline < 0) {
                    break;
                }
                start = newline + 1;
            }
            PathElement[] caret = flow.caretShape(start, true);
            return caret.length > 0 && caret[0] instanceof MoveTo top ? yIn(graphic, flow, top.getY()) : 0;
        }
        if (block instanceof PreviewBlock.Table table && graphic.lookup(".md-table") instanceof GridPane grid) {
            int gridRow = headerRows(table) + row;
            for (Node cell : grid.getChildren()) {
                Integer index = GridPane.getRowIndex(cell);
                if (index != null && index == gridRow) {
                    return yIn(graphic, grid, cell.getBoundsInParent().getMinY());
                }
            }
        }
        return 0;
    }

    /** {@code y} in {@code node}'s coordinates, in those of its ancestor {@code graphic}. */
    private static double yIn(Node graphic, Node node, double y) {
        double inGraphic = y;
        for (Node at = node; at != null && at != graphic; at = at.getParent()) {
            inGraphic = at.localToParent(0, inGraphic).getY();
        }
        return inGraphic;
    }

    static TextFlow flow(List<Span> spans, String style) {
        return SpanFlow.of(spans, style);
    }
}
