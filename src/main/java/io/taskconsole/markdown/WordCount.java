package io.taskconsole.markdown;

/**
 * A cheap word count for the status bar, in one pass over the source: a word is a run of letters
 * or digits (apostrophes and hyphens inside a word keep it whole), and each CJK ideograph counts
 * as a word. Markup characters count as nothing.
 */
public final class WordCount {

    private WordCount() {
    }

    public static int of(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isIdeographic(c)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && isJoiner(c) && i + 1 < length && Character.isLetterOrDigit(text.charAt(i + 1))) {
                continue;
            } else {
                inWord = false;
            }
        }
        return words;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }
}
