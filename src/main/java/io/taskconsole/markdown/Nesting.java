package io.taskconsole.markdown;

import java.util.List;

/**
 * Where a preview block sits: the quotes and list levels that enclose it, outermost first, and,
 * for the first block of a list item, the item's marker ({@code "•"}, {@code "3."}) and task box.
 * Later blocks of the same item have an empty marker and {@link Task#NONE}, so they line up under
 * the first. The order matters: a quote inside a list item is drawn after the item's marker, a list
 * inside a quote after the quote's bar.
 *
 * <p>{@code widestMarkers} holds, for each list level, outermost first, the widest marker that list
 * shows ({@code "100."} in a list numbered 98 to 101): every block of a list, whatever its own
 * number, can then give that level's column the same width, so the items' text starts at one edge.
 * An empty string asks for no more than a view's narrowest column.
 */
public record Nesting(List<Level> levels, String marker, Task task, List<String> widestMarkers) {

    public static final Nesting TOP = new Nesting(List.of(), "", Task.NONE, List.of());

    /** One enclosing container. */
    public enum Level { QUOTE, LIST }

    /** A task item's box; {@code NONE} for ordinary items and for blocks outside lists. */
    public enum Task { NONE, OPEN, DONE }

    public Nesting {
        levels = List.copyOf(levels);
        widestMarkers = List.copyOf(widestMarkers);
        long lists = levels.stream().filter(level -> level == Level.LIST).count();
        if (widestMarkers.size() != lists) {
            throw new IllegalArgumentException(widestMarkers.size() + " widest markers for " + lists + " list levels");
        }
    }

    public boolean startsItem() {
        return !marker.isEmpty();
    }

    /** The same place for a later block of the item: no marker, no box. */
    public Nesting withoutMarker() {
        return new Nesting(levels, "", Task.NONE, widestMarkers);
    }
}
