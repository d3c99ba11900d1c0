package io.taskconsole.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * One block of the preview, flattened out of the Markdown tree so a UI can show a long document as
 * a virtual list: a paragraph inside the second item of a list inside a quote is one block whose
 * {@link Nesting} says so. A preview made of these blocks has nothing to fetch and nothing to run:
 * links are text with a target, images are their description, raw HTML is shown as its source.
 */
public sealed interface PreviewBlock {

    /** 1-based line of the Markdown text where the block starts, for scroll sync. */
    int line();

    /** Where the block sits in quotes and lists. */
    Nesting nesting();

    /** The block's text as a reader would copy it. */
    String plainText();

    /** Same look as {@code other}, wherever each starts: a view may keep what it drew for it. */
    default boolean looksLike(PreviewBlock other) {
        return other != null && withLine(0).equals(other.withLine(0));
    }

    PreviewBlock withLine(int line);

    /** Where the block stands in a long code block or table cut into parts; {@code WHOLE} for all other blocks. */
    default Part part() {
        return Part.WHOLE;
    }

    /** A block of inline text: a heading or a paragraph. */
    sealed interface Prose extends PreviewBlock {
        List<Span> spans();

        @Override
        default String plainText() {
            return Span.plainText(spans());
        }
    }

    /** A heading, level 1 to 6. */
    record Heading(int line, Nesting nesting, int level, List<Span> spans) implements Prose {
        public Heading {
            spans = List.copyOf(spans);
        }

        @Override
        public Heading withLine(int line) {
            return new Heading(line, nesting, level, spans);
        }
    }

    /** A paragraph; hard line breaks are {@code "\n"} spans. */
    record Paragraph(int line, Nesting nesting, List<Span> spans) implements Prose {
        public Paragraph {
            spans = List.copyOf(spans);
        }

        @Override
        public Paragraph withLine(int line) {
            return new Paragraph(line, nesting, spans);
        }
    }

    /**
     * Literal text in a monospaced box: fenced and indented code, raw HTML blocks (as their source)
     * and YAML front matter. {@code language} is the fence's info word, or empty. A part after the
     * first starts on its first line of code; the first starts where the block does (on the fence).
     */
    record Code(int line, Nesting nesting, String language, String code, Part part) implements PreviewBlock {

        public Code(int line, Nesting nesting, String language, String code) {
            this(line, nesting, language, code, Part.WHOLE);
        }

        @Override
        public String plainText() {
            return code;
        }

        /** The lines of code in this block or part. */
        public int lineCount() {
            return (int) code.chars().filter(c -> c == '\n').count() + 1;
        }

        @Override
        public Code withLine(int line) {
            return new Code(line, nesting, language, code, part);
        }
    }

    /**
     * A table: a header row, then the body rows; every row has one cell per column. A part that
     * continues a table has no header (an empty list) and starts on its first row; the parts before
     * the last hold an even number of rows, so alternate rows keep their shading across parts.
     */
    record Table(int line, Nesting nesting, List<Alignment> alignments, List<List<Span>> header,
                 List<List<List<Span>>> rows, Part part) implements PreviewBlock {
        public Table {
            alignments = List.copyOf(alignments);
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(row -> row.stream().map(List::copyOf).toList()).toList();
        }

        public Table(int line, Nesting nesting, List<Alignment> alignments, List<List<Span>> header,
                     List<List<List<Span>>> rows) {
            this(line, nesting, alignments, header, rows, Part.WHOLE);
        }

        @Override
        public String plainText() {
            List<String> lines = new ArrayList<>();
            if (!header.isEmpty()) {
                lines.add(row(header));
            }
            rows.forEach(row -> lines.add(row(row)));
            return String.join("\n", lines);
        }

        private static String row(List<List<Span>> cells) {
            return String.join("\t", cells.stream().map(Span::plainText).toList());
        }

        @Override
        public Table withLine(int line) {
            return new Table(line, nesting, alignments, header, rows, part);
        }
    }

    /** A thematic break ({@code ---}). */
    record Rule(int line, Nesting nesting) implements PreviewBlock {
        @Override
        public String plainText() {
            return "";
        }

        @Override
        public Rule withLine(int line) {
            return new Rule(line, nesting);
        }
    }

    enum Alignment { NONE, LEFT, CENTER, RIGHT }

    /**
     * A code block or table longer than a screen is cut into parts, each a block of its own, so a
     * virtual list builds nodes only for the parts on screen and scroll sync reaches lines deep
     * inside. Read in order, the parts of one block hold its text; a view draws them without a seam.
     */
    enum Part {
        WHOLE, FIRST, MIDDLE, LAST;

        /** Part {@code index} (from 0) of {@code count}. */
        static Part of(int index, int count) {
            if (count == 1) {
                return WHOLE;
            }
            return index == 0 ? FIRST : index == count - 1 ? LAST : MIDDLE;
        }

        /** Continues the block before it: no top edge, no gap above. */
        public boolean joinsPrevious() {
            return this == MIDDLE || this == LAST;
        }

        /** Continued by the block after it: no bottom edge, no gap below. */
        public boolean joinsNext() {
            return this == FIRST || this == MIDDLE;
        }
    }
}
