package io.taskconsole.ui.editor;

import io.taskconsole.ui.common.LazyTooltip;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.reactfx.EventSource;
import org.reactfx.collection.LiveList;
import org.reactfx.value.Val;

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
    /** A note of the caret's place is queued (see {@link #notePlaceLater()}). */
    private boolean placePending;

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** A gutter line with a criterion's marker; the others keep its place empty (see console.css). */
    private static final PseudoClass CRITERION = PseudoClass.getPseudoClass("criterion");
    /** The marker's width; console.css pads lines without one by as much, so the text lines up. */
    private static final double MARKER_WIDTH = 14;
    static final PseudoClass FLASHING = PseudoClass.getPseudoClass("flash");
    /** How long a line the user jumped to stays marked. */
    static final Duration FLASH = Duration.millis(1500);

    private final SyntaxStyling styling;
    /**
     * Whether the model's text is the area's character for character. Not while the model holds a
     * file's {@code \r} line breaks, which RichTextFX turns into {@code \n}: then the first edit takes
     * the area's whole text, as every edit did before edits were applied one by one.
     */
    private boolean sameText;
    /** The area's edits, as {@code multiPlainChanges} gives them, for every listener here. */
    private final EventSource<List<PlainTextChange>> edits = new EventSource<>();
    /** 1-based line to the id of the acceptance criterion written on it, for the gutter. */
    private final ObjectProperty<Map<Integer, String>> criteria = new SimpleObjectProperty<>(Map.of());
    private final PauseTransition flashEnd = new PauseTransition(FLASH);

    MarkdownArea(DocumentModel doc, EditorViewModel model) {
        this.doc = doc;
        this.area = new CodeArea(doc.text());
        this.sameText = doc.text().indexOf('\r') < 0;
        this.scroll = new VirtualizedScrollPane<>(area);
        area.setId("editor-" + doc.name().replace('.', '-'));
        area.getStyleClass().add("markdown-editor");
        area.setAccessibleRole(AccessibleRole.TEXT_AREA);
        area.setAccessibleText("Markdown of " + doc.name());
        area.getUndoManager().forgetHistory();
        scroll.getStyleClass().add("markdown-editor-scroll");

        // One subscription to the area's changes, shared: each subscription to multiPlainChanges() maps
        // every change again, building the inserted and removed text (a whole 1 MB paste) once per subscriber.
        area.multiPlainChanges().subscribe(edits::push);
        edits.subscribe(changes -> {
            if (!syncing) {
                syncing = true;
                try {
                    follow(changes);
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
        // The caret first: a long file's highlighting starts with the lines around it.
        restorePlace(doc.placeProperty().get());
        styling = new SyntaxStyling(area, this::areaText, edits, model);
        area.setParagraphGraphicFactory(gutter());
        flashEnd.setOnFinished(e -> area.pseudoClassStateChanged(FLASHING, false));
        new CaretRest(area, CaretRest.AFTER); // kept alive by the listeners it puts on the area
        area.caretPositionProperty().addListener((o, a, b) -> notePlaceLater());
        area.estimatedScrollYProperty().addListener((o, a, b) -> notePlaceLater());
    }

    /**
     * Brings the model's text up to the area's. One edit (a keystroke, a paste) is applied to the
     * model's text, which costs a copy of the string; the area's getText() would rebuild it from
     * every paragraph. Several edits at once, or a length that disagrees, take the area's text.
     */
    private void follow(List<PlainTextChange> changes) {
        if (changes.size() == 1 && sameText) {
            PlainTextChange change = changes.get(0);
            String text = doc.text();
            if (text.length() - change.getRemoved().length() + change.getInserted().length() == area.getLength()
                    && doc.edit(change.getPosition(), change.getRemoved(), change.getInserted()) != null) {
                return;
            }
        }
        doc.textProperty().set(area.getText());
        sameText = true;
    }

    /**
     * The text as the area holds it, for highlighting: the model's, unless the file's line breaks
     * are {@code \r\n} or {@code \r}, which the area shows as {@code \n} (the model keeps the file's
     * until the first edit), and offsets into one would not fit the other.
     */
    private String areaText() {
        return sameText ? doc.text() : area.getText();
    }

    /**
     * Puts the caret and the view where the user left this file (the text is in by now). A file
     * shortened by another program since then clamps the place to its end.
     */
    private void restorePlace(CaretPlace place) {
        int last = area.getParagraphs().size() - 1;
        int paragraph = Math.min(place.paragraph(), last);
        area.moveTo(paragraph, Math.min(place.column(), area.getParagraphLength(paragraph)));
        area.showParagraphAtTop(Math.min(place.topParagraph(), last));
    }

    /**
     * Notes the place once the change that moved it is done: asking for the first paragraph on
     * screen lays the area out, and a layout forced in the middle of a text replacement trips
     * flowless's bookkeeping (an AssertionError in its cell list). One note per pulse is enough.
     */
    private void notePlaceLater() {
        if (!placePending) {
            placePending = true;
            Platform.runLater(() -> {
                placePending = false;
                notePlace();
            });
        }
    }

    /**
     * Tells the document where the caret and the view are. The first paragraph on screen is known
     * only while the area is laid out; a tab in the background keeps the one it had.
     */
    private void notePlace() {
        int top = doc.placeProperty().get().topParagraph();
        if (!area.getVisibleParagraphs().isEmpty()) {
            top = area.firstVisibleParToAllParIndex();
        }
        CaretPlace now = new CaretPlace(area.getCurrentParagraph(), area.getCaretColumn(), top);
        if (!now.equals(doc.placeProperty().get())) {
            doc.placeProperty().set(now);
        }
    }

    /**
     * The gutter: the line number (the caret's line marked), with a marker after it on lines that
     * hold an acceptance criterion. One label per line, the marker its graphic only where there is
     * one: the gutter's nodes are styled and laid out for every line on screen as the editor first
     * shows a file, and a box with a number and an empty marker per line cost a tenth of startup's
     * layout pass. A graphic listens to the caret and the line count only while it is on screen,
     * so the graphics of paragraphs scrolled away can be collected.
     */
    private IntFunction<Node> gutter() {
        Val<Integer> digits = Val.map(LiveList.sizeOf(area.getParagraphs()), lines -> String.valueOf(lines).length());
        return index -> {
            Label number = new Label();
            number.getStyleClass().addAll("lineno", "editor-gutter");
            String line = String.valueOf(index + 1);
            // Off screen the mapping gives null (flatMap of a null scene): the number then goes unpadded.
            Val.flatMap(number.sceneProperty(), scene -> digits)
                    .values().subscribe(width -> number.setText(
                            " ".repeat(Math.max(0, (width == null ? 0 : width) - line.length())) + line));
            Val<Boolean> current = Val.map(area.currentParagraphProperty(), paragraph -> paragraph == index);
            Val.flatMap(number.sceneProperty(), scene -> current)
                    .values().subscribe(on -> number.pseudoClassStateChanged(CURRENT, Boolean.TRUE.equals(on)));
            Val.flatMap(number.sceneProperty(), scene -> criteria)
                    .values().subscribe(lines -> showCriterion(number, lines == null ? null : lines.get(index + 1)));
            return number;
        };
    }

    private static void showCriterion(Label number, String id) {
        number.pseudoClassStateChanged(CRITERION, id != null);
        if (id == null) {
            number.setGraphic(null);
            return;
        }
        Label marker = number.getGraphic() instanceof Label existing ? existing : new Label("\u25C6");
        marker.getStyleClass().setAll("criterion-marker", "has-criterion");
        marker.setMinWidth(MARKER_WIDTH);
        marker.setAlignment(Pos.CENTER);
        LazyTooltip.set(marker, id + " is written on this line");
        marker.setAccessibleText("Acceptance criterion " + id);
        number.setGraphic(marker);
    }

    /**
     * Marks the lines that hold acceptance criteria (1-based line to criterion id). The gutter's
     * graphics follow a property rather than being rebuilt: replacing the graphic factory while
     * the area waits for a layout leaves flowless without cells it expects.
     */
    void markCriteria(Map<Integer, String> lines) {
        if (!lines.equals(criteria.get())) {
            criteria.set(Map.copyOf(lines));
        }
    }

    Map<Integer, String> criteria() {
        return criteria.get();
    }

    /**
     * Marks the line a jump selected in the warning colour for a moment (its selection and its
     * gutter). A pseudo-class on the area does it: styling the paragraph would replace it, and
     * flowless loses track of a paragraph replaced between a scroll request and its layout (as it
     * does with RichTextFX's own line highlighter, which is why the caret's line is marked in the
     * gutter only).
     */
    private void flash() {
        area.pseudoClassStateChanged(FLASHING, true);
        flashEnd.playFromStart();
    }

    private void replaceAllFromModel(String text) {
        sameText = text.indexOf('\r') < 0;
        syncing = true;
        try {
            int caret = Math.min(area.getCaretPosition(), text.length());
            area.replaceText(text);
            area.moveTo(Math.min(caret, area.getLength()));
        } finally {
            syncing = false;
        }
    }

    SyntaxStyling styling() {
        return styling;
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
        flash();
    }
}
