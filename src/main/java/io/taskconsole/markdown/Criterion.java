package io.taskconsole.markdown;

import java.util.List;

/**
 * One acceptance criterion found in a task's Markdown.
 *
 * @param id       {@code AC-1}, {@code AC-2}, ... in document order; children {@code AC-1.1}
 * @param text     the Markdown source of the item's first paragraph on one line (soft breaks become one
 *                 space), without list marker, task box and inline HTML comments
 * @param checked  true only for {@code [x]} / {@code [X]}
 * @param source   the file name it came from, e.g. {@code task.md}
 * @param line     1-based line of the item's list marker
 * @param children nested items
 */
public record Criterion(String id, String text, boolean checked, String source, int line, List<Criterion> children) {

    public Criterion {
        children = List.copyOf(children);
    }
}
