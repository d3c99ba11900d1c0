package io.taskconsole.markdown;

/**
 * What a run of Markdown source is, for the editor's highlighting. Several can apply at once (a
 * link inside a heading, a marker inside strong emphasis); the editor turns each into a style class.
 */
public enum SyntaxStyle {
    HEADING, H1, H2, H3, H4, H5, H6,
    EMPHASIS, STRONG, STRIKE,
    CODE, CODE_BLOCK, CODE_INFO,
    LINK, IMAGE, URL,
    LIST_MARKER, TASK_BOX, TASK_DONE,
    QUOTE,
    TABLE, TABLE_HEAD, TABLE_SEPARATOR,
    FRONT_MATTER, HTML, RULE,
    /** Markdown punctuation that is not content: {@code #}, {@code **}, backticks, fences, table pipes. */
    MARKER;

    static SyntaxStyle heading(int level) {
        return switch (Math.max(1, Math.min(6, level))) {
            case 1 -> H1;
            case 2 -> H2;
            case 3 -> H3;
            case 4 -> H4;
            case 5 -> H5;
            default -> H6;
        };
    }
}
