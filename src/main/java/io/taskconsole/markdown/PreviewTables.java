package io.taskconsole.markdown;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import io.taskconsole.markdown.PreviewBlock.Alignment;
import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub table as a {@link PreviewBlock.Table}, every row cut or padded to the separator's columns;
 * a table with many rows as consecutive parts ({@link BlockParts}).
 */
final class PreviewTables {

    private PreviewTables() {
    }

    /** A row's cells and the source line it is on. */
    private record Row(List<List<Span>> cells, int line) {
    }

    static List<PreviewBlock.Table> of(TableBlock table, int line, Nesting nesting, ParsedMarkdown markdown) {
        List<Alignment> alignments = new ArrayList<>();
        List<Row> headRows = new ArrayList<>();
        List<Row> bodyRows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableSeparator && section.getFirstChild() != null) {
                for (Node cell = section.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    alignments.add(alignment(cell));
                }
            } else if (section instanceof TableHead) {
                rows(section, markdown, headRows);
            } else if (section instanceof TableBody) {
                rows(section, markdown, bodyRows);
            }
        }
        int columns = alignments.size();
        // A second header row is rare; it is kept, as the first body row, rather than lost.
        List<List<Span>> header = headRows.isEmpty() ? List.of() : headRows.remove(0).cells();
        bodyRows.addAll(0, headRows);
        PreviewBlock.Table whole = new PreviewBlock.Table(line, nesting, alignments, fitted(header, columns),
                bodyRows.stream().map(row -> fitted(row.cells(), columns)).toList());
        return BlockParts.of(whole, bodyRows.stream().map(Row::line).toList());
    }

    private static Alignment alignment(Node cell) {
        if (!(cell instanceof TableCell tableCell) || tableCell.getAlignment() == null) {
            return Alignment.NONE;
        }
        return switch (tableCell.getAlignment()) {
            case LEFT -> Alignment.LEFT;
            case CENTER -> Alignment.CENTER;
            case RIGHT -> Alignment.RIGHT;
            default -> Alignment.NONE;
        };
    }

    private static void rows(Node section, ParsedMarkdown markdown, List<Row> into) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
            if (row instanceof TableRow) {
                List<List<Span>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(InlineSpans.of(cell, markdown.document()));
                }
                into.add(new Row(cells, markdown.lineOf(row)));
            }
        }
    }

    /** The parser already evens rows out with the options MarkdownSyntax sets; the record's promise should not rest on them. */
    private static List<List<Span>> fitted(List<List<Span>> cells, int columns) {
        List<List<Span>> row = new ArrayList<>(cells.subList(0, Math.min(columns, cells.size())));
        while (row.size() < columns) {
            row.add(List.of());
        }
        return row;
    }
}
