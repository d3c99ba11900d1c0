package io.taskconsole.ui.preview;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to turn the page shown for one render into the next one without reloading it: remove
 * {@link #removed} top-level blocks at {@link #from}, insert the {@link #inserted} blocks there, and
 * move the source line numbers of the blocks from {@link #shiftFrom} on by {@link #lineDelta} (lines
 * typed or deleted above them). A reload would parse and lay out the whole page and lose the reader's
 * scroll position; a patch touches only what changed.
 */
record PreviewPatch(int oldCount, int from, int removed, List<String> inserted, int newCount, int shiftFrom, int lineDelta) {

    PreviewPatch {
        inserted = List.copyOf(inserted);
    }

    private static final Pattern SOURCE_LINE = Pattern.compile("data-source-line=\"(\\d+)\"");

    /** The patch from {@code before} to {@code after}, or empty when a reload is the better way (new head, nothing in common). */
    static Optional<PreviewPatch> between(PageBlocks before, PageBlocks after) {
        if (!before.head().equals(after.head())) {
            return Optional.empty();
        }
        List<String> old = before.blocks();
        List<String> now = after.blocks();
        int common = Math.min(old.size(), now.size());
        int prefix = 0;
        while (prefix < common && old.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int delta = old.isEmpty() || now.isEmpty() ? 0 : firstLine(now.get(now.size() - 1)) - firstLine(old.get(old.size() - 1));
        int suffix = 0;
        while (suffix < common - prefix
                && now.get(now.size() - 1 - suffix).equals(shifted(old.get(old.size() - 1 - suffix), delta))) {
            suffix++;
        }
        if (prefix == 0 && suffix == 0 && !old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PreviewPatch(old.size(), prefix, old.size() - prefix - suffix,
                now.subList(prefix, now.size() - suffix), now.size(), now.size() - suffix, suffix == 0 ? 0 : delta));
    }

    boolean changesNothing() {
        return removed == 0 && inserted.isEmpty() && lineDelta == 0;
    }

    private static int firstLine(String block) {
        Matcher m = SOURCE_LINE.matcher(block);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static String shifted(String block, int delta) {
        if (delta == 0) {
            return block;
        }
        Matcher m = SOURCE_LINE.matcher(block);
        StringBuilder out = new StringBuilder(block.length() + 8);
        while (m.find()) {
            m.appendReplacement(out, "data-source-line=\"" + (Integer.parseInt(m.group(1)) + delta) + "\"");
        }
        m.appendTail(out);
        return out.toString();
    }
}
