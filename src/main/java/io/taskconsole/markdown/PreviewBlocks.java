package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import io.taskconsole.markdown.Nesting.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens a parsed document into {@link PreviewBlock}s by walking flexmark's block tree, keeping
 * track of the quotes and lists around each block. A list item's marker is held until the item's
 * first block claims it, so an item that starts with a nested list, or has nothing in it, still
 * shows its own bullet on a block of its own.
 */
final class PreviewBlocks {

    /** An item's marker and box, waiting for the first block of the item. */
    private record PendingMarker(int line, Nesting nesting) {
    }

    private final ParsedMarkdown markdown;
    private final List<PreviewBlock> blocks = new ArrayList<>();
    /** The quotes and lists around the current node, outermost first. */
    private final List<Nesting.Level> levels = new ArrayList<>();
    /** The widest marker of each list around the current node, outermost first. */
    private final List<String> widestMarkers = new ArrayList<>();
    private PendingMarker pending;

    private PreviewBlocks(ParsedMarkdown markdown) {
        this.markdown = markdown;
    }

    static List<PreviewBlock> of(ParsedMarkdown markdown) {
        PreviewBlocks walker = new PreviewBlocks(markdown);
        walker.children(markdown.document());
        return List.copyOf(walker.blocks);
    }

    private void children(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node);
        }
    }

    private void block(Node node) {
        int line = markdown.lineOf(node);
        if (node instanceof Paragraph) {
            blocks.add(new PreviewBlock.Paragraph(line, claimNesting(), spans(node)));
        } else if (node instanceof Heading heading) {
            blocks.add(new PreviewBlock.Heading(line, claimNesting(), heading.getLevel(), spans(heading)));
        } else if (node instanceof FencedCodeBlock fenced) {
            // The code starts on the line after the opening fence, as front matter does after its opening ---.
            code(new PreviewBlock.Code(line, claimNesting(), LiteralText.firstWord(fenced.getInfo().unescape()),
                    LiteralText.of(fenced.getContentChars())), line + 1);
        } else if (node instanceof IndentedCodeBlock code) {
            code(new PreviewBlock.Code(line, claimNesting(), "", LiteralText.of(code.getContentChars())), line);
        } else if (node instanceof HtmlBlockBase html) {
            code(new PreviewBlock.Code(line, claimNesting(), "html", LiteralText.of(html.getContentChars())), line);
        } else if (node instanceof YamlFrontMatterBlock yaml) {
            code(new PreviewBlock.Code(line, claimNesting(), "yaml", LiteralText.withoutFences(yaml.getContentChars())), line + 1);
        } else if (node instanceof ThematicBreak) {
            blocks.add(new PreviewBlock.Rule(line, claimNesting()));
        } else if (node instanceof BlockQuote) {
            levels.add(Nesting.Level.QUOTE);
            children(node);
            levels.remove(levels.size() - 1);
        } else if (node instanceof ListBlock list) {
            list(list);
        } else if (node instanceof TableBlock table) {
            table(table, line);
        } else if (!(node instanceof Reference || node instanceof BlankLine)) {
            unknown(node, line);
        }
    }

    private void list(ListBlock list) {
        levels.add(Nesting.Level.LIST);
        int listDepth = widestMarkers.size() + 1;
        widestMarkers.add(ListMarkers.widest(list, listDepth));
        int index = 0;
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListItem item) {
                item(item, ListMarkers.of(list, index++, listDepth));
            } else {
                block(node);
            }
        }
        widestMarkers.remove(widestMarkers.size() - 1);
        levels.remove(levels.size() - 1);
    }

    private void item(ListItem item, String marker) {
        // An item that opens with a nested list shows its own marker on a block before the nested one.
        releasePendingMarker();
        pending = new PendingMarker(markdown.lineOf(item), new Nesting(levels, marker, task(item), widestMarkers));
        children(item);
        releasePendingMarker();
    }

    private static Task task(ListItem item) {
        if (item instanceof TaskListItem taskItem) {
            return taskItem.isItemDoneMarker() ? Task.DONE : Task.OPEN;
        }
        return Task.NONE;
    }

    private void table(TableBlock table, int line) {
        blocks.addAll(PreviewTables.of(table, line, claimNesting(), markdown));
        for (Node node = table.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TableCaption caption && caption.hasChildren()) {
                blocks.add(new PreviewBlock.Paragraph(markdown.lineOf(caption), claimNesting(), spans(caption)));
            }
        }
    }

    /** Blocks of extensions this walker does not know are shown rather than lost. */
    private void unknown(Node node, int line) {
        if (node.getFirstChild() instanceof Block) {
            children(node);
        } else if (!node.getChars().isBlank()) {
            code(new PreviewBlock.Code(line, claimNesting(), "", LiteralText.of(node.getChars())), line);
        }
    }

    private void code(PreviewBlock.Code code, int firstCodeLine) {
        blocks.addAll(BlockParts.of(code, firstCodeLine));
    }

    private List<Span> spans(Node node) {
        return InlineSpans.of(node, markdown.document());
    }

    /** The nesting of the next block: the first in an item takes the item's marker and box. */
    private Nesting claimNesting() {
        if (pending == null) {
            return new Nesting(levels, "", Task.NONE, widestMarkers);
        }
        Nesting item = pending.nesting();
        pending = null;
        return new Nesting(levels, item.marker(), item.task(), widestMarkers);
    }

    private void releasePendingMarker() {
        if (pending != null) {
            blocks.add(new PreviewBlock.Paragraph(pending.line(), pending.nesting(), List.of()));
            pending = null;
        }
    }
}
