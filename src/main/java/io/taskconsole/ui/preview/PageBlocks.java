package io.taskconsole.ui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A rendered preview page cut into its head (everything up to the body's content) and the body's
 * top-level elements, so that two renders of the same file can be compared block by block and the
 * preview can replace only the blocks that changed instead of reloading a page of hundreds of KB.
 * Works on the renderer's own output: well-formed, with text and attribute values escaped.
 */
record PageBlocks(String head, List<String> blocks) {

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    PageBlocks {
        blocks = List.copyOf(blocks);
    }

    /** The page cut into blocks, or empty when it does not have the expected shape. */
    static Optional<PageBlocks> of(String page) {
        String lower = page.toLowerCase(Locale.ROOT);
        int bodyTag = lower.indexOf("<body");
        int bodyEnd = lower.lastIndexOf("</body>");
        if (bodyTag < 0 || bodyEnd < bodyTag) {
            return Optional.empty();
        }
        int contentStart = tagEnd(page, bodyTag);
        if (contentStart < 0 || contentStart > bodyEnd) {
            return Optional.empty();
        }
        List<String> blocks = new ArrayList<>();
        int depth = 0;
        int blockStart = -1;
        int i = contentStart;
        while (i < bodyEnd) {
            char c = page.charAt(i);
            if (c != '<') {
                if (depth == 0 && !Character.isWhitespace(c)) {
                    return Optional.empty();
                }
                i++;
                continue;
            }
            if (page.startsWith("<!--", i)) {
                int close = page.indexOf("-->", i + 4);
                if (depth == 0 || close < 0) {
                    return Optional.empty();
                }
                i = close + 3;
                continue;
            }
            int end = tagEnd(page, i);
            if (end < 0 || end > bodyEnd) {
                return Optional.empty();
            }
            boolean closing = i + 1 < end && page.charAt(i + 1) == '/';
            boolean selfContained = !closing && (page.charAt(end - 2) == '/' || VOID.contains(tagName(lower, i + 1)));
            if (closing) {
                depth--;
                if (depth < 0) {
                    return Optional.empty();
                }
                if (depth == 0) {
                    blocks.add(page.substring(blockStart, end));
                }
            } else if (selfContained) {
                if (depth == 0) {
                    blocks.add(page.substring(i, end));
                }
            } else {
                if (depth == 0) {
                    blockStart = i;
                }
                depth++;
            }
            i = end;
        }
        if (depth != 0) {
            return Optional.empty();
        }
        return Optional.of(new PageBlocks(page.substring(0, contentStart), blocks));
    }

    /** Index just past the {@code >} closing the tag that starts at {@code start}, or -1. */
    private static int tagEnd(String page, int start) {
        char quote = 0;
        for (int i = start + 1; i < page.length(); i++) {
            char c = page.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private static String tagName(String lower, int from) {
        int end = from;
        while (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        return lower.substring(from, end);
    }
}
