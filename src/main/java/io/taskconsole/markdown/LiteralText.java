package io.taskconsole.markdown;

/** Source text shown as it was typed (code, raw HTML, front matter), with line endings made uniform. */
final class LiteralText {

    private LiteralText() {
    }

    /** {@code text} with every line ending as {@code \n} and without the one that ends its last line. */
    static String of(CharSequence text) {
        String lines = text.toString().replace("\r\n", "\n").replace('\r', '\n');
        return lines.endsWith("\n") ? lines.substring(0, lines.length() - 1) : lines;
    }

    /** The lines between a front matter block's opening and closing {@code ---}. */
    static String withoutFences(CharSequence block) {
        String lines = of(block);
        int firstEnd = lines.indexOf('\n');
        int lastStart = lines.lastIndexOf('\n');
        return firstEnd < 0 || lastStart <= firstEnd ? "" : lines.substring(firstEnd + 1, lastStart);
    }

    /** The language of a code fence: the first word of its info string. */
    static String firstWord(CharSequence info) {
        String trimmed = info.toString().strip();
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
            space++;
        }
        return trimmed.substring(0, space);
    }
}
