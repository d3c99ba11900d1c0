package io.taskconsole.ui.editor;

/**
 * Where the user was in a file: the caret's paragraph and column and the first paragraph on
 * screen, all 0-based. Kept per file so a task reopens where it was left.
 */
public record CaretPlace(int paragraph, int column, int topParagraph) {

    public static final CaretPlace START = new CaretPlace(0, 0, 0);

    public CaretPlace {
        paragraph = Math.max(0, paragraph);
        column = Math.max(0, column);
        topParagraph = Math.max(0, topParagraph);
    }
}
