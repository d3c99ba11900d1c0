package io.taskconsole.ui.preview;

import io.taskconsole.markdown.Span;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Inline Markdown drawn as JavaFX text: one {@link Text} per span with {@code md-*} style classes,
 * inside a flow marked {@code md-inline}, which is where console.css gives those classes their
 * look. The preview and the criteria list both use it, so a code span reads the same in each.
 */
public final class SpanFlow {

    private SpanFlow() {
    }

    /** A wrapping flow of {@code spans}; links carry their target as a tooltip and nothing else. */
    public static TextFlow of(List<Span> spans, String style) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("md-inline", style);
        flow.setMinWidth(0);
        for (Span span : spans) {
            Text text = new Text(span.has(Span.Style.IMAGE) ? "[image: " + span.text() + "]" : span.text());
            text.getStyleClass().add("md-text");
            for (Span.Style look : span.styles()) {
                text.getStyleClass().add(styleClass(look));
            }
            if (!span.link().isEmpty()) {
                Tooltip.install(text, new Tooltip(span.link()));
            }
            flow.getChildren().add(text);
        }
        return flow;
    }

    static String styleClass(Span.Style look) {
        return switch (look) {
            case BOLD -> "md-bold";
            case ITALIC -> "md-italic";
            case CODE -> "md-code";
            case STRIKE -> "md-strike";
            case LINK -> "md-link";
            case IMAGE -> "md-image";
        };
    }
}
