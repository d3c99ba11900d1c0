package io.taskconsole.markdown;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A run of inline text with one look. {@code link} is the target of a link (shown, never fetched),
 * or empty. An image is a span with {@link Style#IMAGE} whose text is its description.
 */
public record Span(String text, Set<Style> styles, String link) {

    public enum Style { BOLD, ITALIC, CODE, STRIKE, LINK, IMAGE }

    public Span {
        styles = styles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(styles));
        link = link == null ? "" : link;
    }

    public static Span plain(String text) {
        return new Span(text, Set.of(), "");
    }

    public boolean has(Style style) {
        return styles.contains(style);
    }

    /** The text of {@code spans} without their looks: what a screen reader should hear. */
    public static String plainText(List<Span> spans) {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.text()));
        return text.toString();
    }
}
