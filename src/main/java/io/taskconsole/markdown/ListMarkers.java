package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.util.ast.Node;

/** The marker a list item shows: a bullet that changes with depth, or its number as CommonMark counts it. */
final class ListMarkers {

    private static final String[] BULLETS = {"•", "◦", "▪"};

    private ListMarkers() {
    }

    /**
     * @param index the item's position in its list, from 0
     * @param depth how many lists enclose the item, its own included, from 1
     */
    static String of(ListBlock list, int index, int depth) {
        if (list instanceof OrderedList ordered) {
            // CommonMark numbers items from the list's start, whatever number each item was written with.
            return (ordered.getStartNumber() + index) + String.valueOf(ordered.getDelimiter());
        }
        return BULLETS[Math.min(depth, BULLETS.length) - 1];
    }

    /** The widest marker of {@code list}: its last number, which has the most digits, or its bullet. */
    static String widest(ListBlock list, int depth) {
        int items = 0;
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListItem) {
                items++;
            }
        }
        return of(list, Math.max(0, items - 1), depth);
    }
}
