package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Highlighting from flexmark's syntax tree, the same tree the preview and the criteria come from:
 * each node of interest marks its source range (and its markers' ranges) with a {@link SyntaxStyle};
 * a sweep over those marks turns them into consecutive runs. No second grammar, so the editor
 * colours as a list exactly what the preview shows as a list.
 */
final class SyntaxHighlighter {

    /** A style over {@code [start, end)} of the parsed text. */
    private record Mark(int start, int end, SyntaxStyle style) {
    }

    private final List<Mark> marks = new ArrayList<>();

    private SyntaxHighlighter() {
    }

    /**
     * @param shift added to every offset: the parser is given the text without a leading byte-order
     *              mark, the editor holds it with one
     */
    static Highlights of(ParsedMarkdown parsed, int length, int shift) {
        SyntaxHighlighter highlighter = new SyntaxHighlighter();
        highlighter.walk(parsed.document());
        return highlighter.runs(length, shift);
    }

    private void walk(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            mark(node);
            walk(node);
        }
    }

    private void mark(Node node) {
        if (node instanceof Heading heading) {
            whole(node, SyntaxStyle.HEADING);
            whole(node, SyntaxStyle.heading(heading.getLevel()));
            marker(heading.getOpeningMarker());
            marker(heading.getClosingMarker());
        } else if (node instanceof StrongEmphasis || node instanceof Emphasis || node instanceof Strikethrough || node instanceof Code) {
            SyntaxStyle style = node instanceof StrongEmphasis ? SyntaxStyle.STRONG
                    : node instanceof Emphasis ? SyntaxStyle.EMPHASIS
                    : node instanceof Strikethrough ? SyntaxStyle.STRIKE : SyntaxStyle.CODE;
            whole(node, style);
            DelimitedNode delimited = (DelimitedNode) node;
            marker(delimited.getOpeningMarker());
            marker(delimited.getClosingMarker());
        } else if (node instanceof FencedCodeBlock fenced) {
            whole(node, SyntaxStyle.CODE_BLOCK);
            marker(fenced.getOpeningMarker());
            marker(fenced.getClosingMarker());
            range(fenced.getInfo(), SyntaxStyle.CODE_INFO);
        } else if (node instanceof IndentedCodeBlock) {
            whole(node, SyntaxStyle.CODE_BLOCK);
        } else if (node instanceof LinkNodeBase link) {
            boolean image = node instanceof Image || node instanceof ImageRef;
            whole(node, image ? SyntaxStyle.IMAGE : SyntaxStyle.LINK);
            if (node instanceof Reference reference) {
                range(reference.getOpeningMarker(), SyntaxStyle.MARKER);
                range(reference.getClosingMarker(), SyntaxStyle.MARKER);
            }
            range(link.getUrl(), SyntaxStyle.URL);
        } else if (node instanceof LinkRef || node instanceof ImageRef) {
            whole(node, node instanceof ImageRef ? SyntaxStyle.IMAGE : SyntaxStyle.LINK);
        } else if (node instanceof ListItem item) {
            range(item.getOpeningMarker(), SyntaxStyle.LIST_MARKER);
            if (item instanceof TaskListItem task) {
                range(task.getMarkerSuffix(), SyntaxStyle.TASK_BOX);
                if (task.isItemDoneMarker()) {
                    range(task.getMarkerSuffix(), SyntaxStyle.TASK_DONE);
                }
            }
        } else if (node instanceof BlockQuote quote) {
            whole(node, SyntaxStyle.QUOTE);
            marker(quote.getOpeningMarker());
        } else if (node instanceof TableBlock) {
            whole(node, SyntaxStyle.TABLE);
        } else if (node instanceof TableHead) {
            whole(node, SyntaxStyle.TABLE_HEAD);
        } else if (node instanceof TableSeparator) {
            whole(node, SyntaxStyle.TABLE_SEPARATOR);
            whole(node, SyntaxStyle.MARKER);
        } else if (node instanceof TableCell cell) {
            marker(cell.getOpeningMarker());
            marker(cell.getClosingMarker());
        } else if (node instanceof YamlFrontMatterBlock) {
            whole(node, SyntaxStyle.FRONT_MATTER);
        } else if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
            whole(node, SyntaxStyle.HTML);
        } else if (node instanceof ThematicBreak) {
            whole(node, SyntaxStyle.RULE);
            whole(node, SyntaxStyle.MARKER);
        }
    }

    private void whole(Node node, SyntaxStyle style) {
        add(node.getStartOffset(), node.getEndOffset(), style);
    }

    private void marker(BasedSequence chars) {
        range(chars, SyntaxStyle.MARKER);
    }

    private void range(BasedSequence chars, SyntaxStyle style) {
        if (chars != null && chars.isNotNull() && !chars.isEmpty()) {
            add(chars.getStartOffset(), chars.getEndOffset(), style);
        }
    }

    private void add(int start, int end, SyntaxStyle style) {
        if (start < end) {
            marks.add(new Mark(start, end, style));
        }
    }

    /** Sweeps the marks' starts and ends in order, counting how many of each style are open. */
    private Highlights runs(int length, int shift) {
        int n = marks.size();
        long[] events = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Mark mark = marks.get(i);
            // offset in the high bits, then ends before starts at one offset, then the mark's index
            events[2 * i] = ((long) (mark.start() + shift) << 32) | (1L << 31) | i;
            events[2 * i + 1] = ((long) (mark.end() + shift) << 32) | i;
        }
        Arrays.sort(events);
        int[] open = new int[SyntaxStyle.values().length];
        List<Highlights.Run> runs = new ArrayList<>();
        int position = 0;
        for (long event : events) {
            int offset = Math.min(length, (int) (event >>> 32));
            if (offset > position) {
                runs.add(new Highlights.Run(offset - position, styles(open)));
                position = offset;
            }
            Mark mark = marks.get((int) (event & 0x7FFF_FFFFL));
            open[mark.style().ordinal()] += (event & (1L << 31)) != 0 ? 1 : -1;
        }
        if (position < length) {
            runs.add(new Highlights.Run(length - position, EnumSet.noneOf(SyntaxStyle.class)));
        }
        return new Highlights(length, merge(runs));
    }

    private static EnumSet<SyntaxStyle> styles(int[] open) {
        EnumSet<SyntaxStyle> styles = EnumSet.noneOf(SyntaxStyle.class);
        SyntaxStyle[] all = SyntaxStyle.values();
        for (int i = 0; i < open.length; i++) {
            if (open[i] > 0) {
                styles.add(all[i]);
            }
        }
        return styles;
    }

    /** Joins neighbouring runs with the same styles (a mark that ends where an equal one starts). */
    private static List<Highlights.Run> merge(List<Highlights.Run> runs) {
        List<Highlights.Run> merged = new ArrayList<>(runs.size());
        for (Highlights.Run run : runs) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).styles().equals(run.styles())) {
                merged.set(last, new Highlights.Run(merged.get(last).length() + run.length(), run.styles()));
            } else {
                merged.add(run);
            }
        }
        return merged;
    }
}
