package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the criteria of one Markdown file by walking its syntax tree. Code blocks, HTML blocks,
 * HTML comments and front matter are leaves of that tree, so nothing inside them is ever seen as
 * a heading, paragraph or list item.
 *
 * <p>Precedence, per file: list items under criteria headings; else the list right after an
 * {@code Acceptance criteria:} paragraph; else (only where allowed) every GFM task item.
 * One finder reads one file once: it tracks the section it is in while walking.
 */
final class FileCriteriaFinder {

    private static final List<String> SECTION_TITLES =
            List.of("acceptance criteria", "definition of done", "success criteria");
    private static final List<String> LEAD_IN_PARAGRAPHS =
            SECTION_TITLES.stream().map(title -> title + ":").toList();

    private final ParsedMarkdown markdown;
    private final String source;

    private boolean sawSection;
    private int sectionLevel;

    FileCriteriaFinder(ParsedMarkdown markdown, String source) {
        this.markdown = markdown;
        this.source = source;
    }

    List<CriterionDraft> find(boolean taskItemsAnywhere) {
        List<CriterionDraft> found = new ArrayList<>();
        collectSections(markdown.document(), found);
        if (sawSection) {
            return found;
        }
        collectAfterLeadIn(markdown.document(), found);
        if (found.isEmpty() && taskItemsAnywhere) {
            collectTaskItems(markdown.document(), found);
        }
        return found;
    }

    private static boolean isCriteriaHeading(Heading heading) {
        String title = PlainText.of(heading);
        while (title.endsWith(":")) {
            title = title.substring(0, title.length() - 1).stripTrailing();
        }
        String lower = title.toLowerCase(Locale.ROOT);
        return SECTION_TITLES.stream().anyMatch(lower::startsWith);
    }

    private void collectSections(Node parent, List<CriterionDraft> found) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                enter(heading);
            } else if (node instanceof ListBlock list && sectionLevel > 0) {
                found.addAll(items(list));
            } else if (isContainer(node)) {
                collectSections(node, found);
            }
        }
    }

    private void enter(Heading heading) {
        if (sectionLevel > 0 && heading.getLevel() > sectionLevel) {
            return;
        }
        sectionLevel = 0;
        if (isCriteriaHeading(heading)) {
            sectionLevel = heading.getLevel();
            sawSection = true;
        }
    }

    private void collectAfterLeadIn(Node parent, List<CriterionDraft> found) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph paragraph && isLeadIn(paragraph)
                    && paragraph.getNext() instanceof ListBlock list) {
                found.addAll(items(list));
                node = list;
            } else if (isContainer(node)) {
                collectAfterLeadIn(node, found);
            }
        }
    }

    /** "Acceptance criteria: ..." or a paragraph that is nothing but the title, like a bold pseudo-heading. */
    private static boolean isLeadIn(Paragraph paragraph) {
        String text = PlainText.of(paragraph).toLowerCase(Locale.ROOT);
        return LEAD_IN_PARAGRAPHS.stream().anyMatch(text::startsWith) || SECTION_TITLES.contains(text);
    }

    private void collectTaskItems(Node parent, List<CriterionDraft> found) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TaskListItem item) {
                List<CriterionDraft> children = new ArrayList<>();
                collectTaskItems(item, children);
                addDraft(item, children, found);
            } else if (isContainer(node)) {
                collectTaskItems(node, found);
            }
        }
    }

    private List<CriterionDraft> items(ListBlock list) {
        List<CriterionDraft> drafts = new ArrayList<>();
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListItem item) {
                List<CriterionDraft> children = new ArrayList<>();
                collectNestedItems(item, children);
                addDraft(item, children, drafts);
            }
        }
        return drafts;
    }

    private void collectNestedItems(Node parent, List<CriterionDraft> children) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListBlock list) {
                children.addAll(items(list));
            } else if (node instanceof BlockQuote) {
                collectNestedItems(node, children);
            }
        }
    }

    private void addDraft(ListItem item, List<CriterionDraft> children, List<CriterionDraft> into) {
        String text = ItemSource.of(item);
        if (text.isEmpty() && children.isEmpty()) {
            return;
        }
        boolean checked = item instanceof TaskListItem task && task.isItemDoneMarker();
        BasedSequence marker = item.getOpeningMarker();
        int offset = marker.isNull() ? item.getStartOffset() : marker.getStartOffset();
        into.add(new CriterionDraft(text, ItemSource.spans(item, markdown.document()), checked, source, markdown.lineOfOffset(offset), children));
    }

    private static boolean isContainer(Node node) {
        return node instanceof BlockQuote || node instanceof ListBlock || node instanceof ListItem;
    }
}
