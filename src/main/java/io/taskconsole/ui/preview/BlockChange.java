package io.taskconsole.ui.preview;

import io.taskconsole.markdown.PreviewBlock;
import java.util.List;

/**
 * How the preview's list goes from one render to the next: the blocks before {@code from} and the
 * last {@code kept} blocks look the same (though an edit above may have moved their lines), so
 * only the ones between are replaced. Typing in a 1 MB file then touches one or two list items
 * rather than twenty thousand, and the reader's scroll position stays put.
 */
record BlockChange(int from, int removed, List<PreviewBlock> inserted) {

    static BlockChange between(List<PreviewBlock> before, List<PreviewBlock> after) {
        int common = Math.min(before.size(), after.size());
        int from = 0;
        while (from < common && before.get(from).looksLike(after.get(from))) {
            from++;
        }
        int kept = 0;
        while (kept < common - from
                && before.get(before.size() - 1 - kept).looksLike(after.get(after.size() - 1 - kept))) {
            kept++;
        }
        return new BlockChange(from, before.size() - kept - from, List.copyOf(after.subList(from, after.size() - kept)));
    }

    void applyTo(List<PreviewBlock> blocks) {
        if (removed > 0) {
            blocks.subList(from, from + removed).clear();
        }
        if (!inserted.isEmpty()) {
            blocks.addAll(from, inserted);
        }
    }
}
