package io.taskconsole.ui.editor;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The editor of one Markdown file: a RichTextFX {@link CodeArea}, which lays out only the
 * paragraphs on screen, so a long spec types as fast as a short one. The area is the file's text
 * as the user sees it; {@link DocumentModel#textProperty()} follows it edit by edit and a change
 * made to the model (a reload from disk) replaces the area's text.
 *
 * <p>RichTextFX splits paragraphs on {@code \r\n}, {@code \r} and {@code \n} and joins them with
 * {@code \n}, as the TextArea before it did; offsets in the area are offsets in that text.
 */
final class MarkdownArea {

    private final DocumentModel doc;
    private final CodeArea area;
    private final VirtualizedScrollPane<CodeArea> scroll;
    /** True while one side is being set from the other, so the change is not echoed back. */
    private boolean syncing;

    private final SyntaxStyling styling;

    MarkdownArea(DocumentModel doc, EditorViewModel model) {
        this.doc = doc;
        this.area = new CodeArea(doc.text());
        this.scroll = new VirtualizedScrollPane<>(area);
        area.setId("editor-" + doc.name().replace('.', '-'));
        area.getStyleClass().add("markdown-editor");
        area.setWrapText(true);
        area.setAccessibleRole(AccessibleRole.TEXT_AREA);
        area.setAccessibleText("Markdown of " + doc.name());
        area.getUndoManager().forgetHistory();
        scroll.getStyleClass().add("markdown-editor-scroll");

        area.multiPlainChanges().subscribe(changes -> {
            if (!syncing) {
                syncing = true;
                try {
                    doc.textProperty().set(area.getText());
                } finally {
                    syncing = false;
                }
            }
        });
        doc.textProperty().addListener((o, old, now) -> {
            if (!syncing) {
                replaceAllFromModel(now);
            }
        });
        area.currentParagraphProperty().addListener((o, a, paragraph) -> doc.caretLineProperty().set(paragraph + 1));
        styling = new SyntaxStyling(area, model);
    }

    SyntaxStyling styling() {
        return styling;
    }

    private void replaceAllFromModel(String text) {
        syncing = true;
        try {
            int caret = Math.min(area.getCaretPosition(), text.length());
            area.replaceText(text);
            area.moveTo(Math.min(caret, area.getLength()));
        } finally {
            syncing = false;
        }
    }

    DocumentModel document() {
        return doc;
    }

    CodeArea area() {
        return area;
    }

    /** What goes into the tab: the area inside its scroll pane. */
    Node node() {
        return scroll;
    }

    void focus() {
        area.requestFocus();
    }

    /** Selects the 1-based {@code line} and scrolls it into view a little below the top. */
    void reveal(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.requestFocus();
        area.moveTo(paragraph, 0);
        area.selectRange(paragraph, 0, paragraph, area.getParagraphLength(paragraph));
        area.showParagraphAtTop(Math.max(0, paragraph - 2));
    }
}
