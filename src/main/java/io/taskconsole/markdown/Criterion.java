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
 * @param spans    {@code text} as the preview shows it (code, emphasis, links), from the same syntax tree
 */
public record Criterion(String id, String text, boolean checked, String source, int line, List<Criterion> children,
        List<Span> spans) {

    public Criterion {
        children = List.copyOf(children);
        spans = List.copyOf(spans);
    }

    /** A criterion whose text is shown as written, for criteria that were never Markdown (tests, imports). */
    public Criterion(String id, String text, boolean checked, String source, int line, List<Criterion> children) {
        this(id, text, checked, source, line, children, text.isEmpty() ? List.of() : List.of(Span.plain(text)));
    }
}
