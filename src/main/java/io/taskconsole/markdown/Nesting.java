package io.taskconsole.markdown;

import java.util.Collections;
import java.util.List;

/**
 * Where a preview block sits: the quotes and list levels that enclose it, outermost first, and,
 * for the first block of a list item, the item's marker ({@code "•"}, {@code "3."}) and task box.
 * Later blocks of the same item have an empty marker and {@link Task#NONE}, so they line up under
 * the first. The order matters: a quote inside a list item is drawn after the item's marker, a list
 * inside a quote after the quote's bar.
 */
public record Nesting(List<Level> levels, String marker, Task task) {

    public static final Nesting TOP = new Nesting(List.of(), "", Task.NONE);

    /** One enclosing container. */
    public enum Level { QUOTE, LIST }

    /** A task item's box; {@code NONE} for ordinary items and for blocks outside lists. */
    public enum Task { NONE, OPEN, DONE }

    public Nesting {
        levels = List.copyOf(levels);
    }

    /** Quotes around lists, the usual case: {@code quoteDepth} quotes, then {@code listDepth} list levels. */
    public Nesting(int quoteDepth, int listDepth, String marker, Task task) {
        this(levels(quoteDepth, listDepth), marker, task);
    }

    private static List<Level> levels(int quoteDepth, int listDepth) {
        List<Level> levels = new java.util.ArrayList<>(Collections.nCopies(quoteDepth, Level.QUOTE));
        levels.addAll(Collections.nCopies(listDepth, Level.LIST));
        return levels;
    }

    public boolean startsItem() {
        return !marker.isEmpty();
    }

    /** The same place for a later block of the item: no marker, no box. */
    public Nesting withoutMarker() {
        return new Nesting(levels, "", Task.NONE);
    }
}
