package io.taskconsole.markdown;

/**
 * Where a preview block sits: how many quotes and list levels enclose it and, for the first block
 * of a list item, the item's marker ({@code "•"}, {@code "3."}) and task box. Later blocks of the
 * same item have an empty marker and {@link Task#NONE}, so they line up under the first.
 */
public record Nesting(int quoteDepth, int listDepth, String marker, Task task) {

    public static final Nesting TOP = new Nesting(0, 0, "", Task.NONE);

    /** A task item's box; {@code NONE} for ordinary items and for blocks outside lists. */
    public enum Task { NONE, OPEN, DONE }

    public boolean startsItem() {
        return !marker.isEmpty();
    }
}
