package io.taskconsole.ui.preview;

import atlantafx.base.theme.Styles;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Duration;
import org.w3c.dom.Document;

/**
 * The live preview. The WebView is heavy, so it is created only by {@link #materialize()}, after
 * the window is on screen.
 *
 * <p>Why JavaScript is enabled: scrolling the preview to the editor's line needs
 * {@link WebEngine#executeScript}, which WebKit refuses when JavaScript is off. The page itself still
 * cannot run a script: the core's renderer escapes raw HTML and drops {@code javascript:} links,
 * and the page's Content-Security-Policy ({@code default-src 'none'}, no {@code script-src})
 * blocks inline and external scripts alike. The only scripts that run are fixed functions called
 * with integers: the scroll function below and the page updates of {@link IncrementalPage}, whose
 * HTML comes from the same renderer and reaches the page as a string value, never as script text
 * (markup inserted that way cannot run scripts either). Navigation away from the page and pop-ups
 * are refused.
 *
 * <p>Why the page is updated in place rather than reloaded: loading a page of a few hundred KB makes
 * WebKit parse and lay out all of it on the FX thread (seconds on a slow machine) and resets the
 * scroll position; {@link IncrementalPage} changes only the blocks that changed, a few KB per frame.
 */
public final class PreviewView {

    private static final String SCROLL_TO_LINE = """
            (function (line) {
              var best = null;
              var blocks = document.querySelectorAll('[data-source-line]');
              for (var i = 0; i < blocks.length; i++) {
                var at = parseInt(blocks[i].getAttribute('data-source-line'), 10);
                if (at <= line) { best = blocks[i]; } else { break; }
              }
              if (best) { best.scrollIntoView(true); window.scrollBy(0, -12); } else { window.scrollTo(0, 0); }
            })(%d)""";

    private final PreviewViewModel model;
    private final EditorViewModel editor;
    private final StackPane root = new StackPane();
    private final Label placeholder = new Label("Preview");
    private final PauseTransition scrollDelay = new PauseTransition(Duration.millis(120));
    private WebView web;
    private IncrementalPage page;
    private ChangeListener<Number> caretListener;

    public PreviewView(PreviewViewModel model, EditorViewModel editor) {
        this.model = model;
        this.editor = editor;
        root.setId("preview-pane");
        root.getStyleClass().add("preview-pane");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        root.getChildren().add(placeholder);
        root.setMinWidth(0);
    }

    public Node node() {
        return root;
    }

    /** The WebView, or {@code null} before {@link #materialize()}. */
    public WebView webView() {
        return web;
    }

    /** The preview's text as a reader sees it (for tests and accessibility); empty before the first render. */
    public String renderedText() {
        if (web == null) {
            return "";
        }
        Document document = web.getEngine().getDocument();
        return document == null || document.getDocumentElement() == null ? ""
                : document.getDocumentElement().getTextContent();
    }

    /** Creates the WebView and shows the current HTML. Call on the FX thread after the window is shown. */
    public void materialize() {
        if (web != null) {
            return;
        }
        web = new WebView();
        web.setId("preview");
        web.setAccessibleText("Preview of the Markdown");
        web.setContextMenuEnabled(false);
        web.setMinWidth(0);
        WebEngine engine = web.getEngine();
        engine.setJavaScriptEnabled(true);
        engine.setCreatePopupHandler(features -> null);
        connectPage(engine);
        model.darkProperty().addListener((o, a, dark) -> paintBackground(dark));
        paintBackground(model.darkProperty().get());
        scrollDelay.setOnFinished(e -> scrollToCaret());
        caretListener = (o, a, b) -> scrollDelay.playFromStart();
        editor.selectedProperty().addListener((o, old, doc) -> {
            if (old != null) {
                old.caretLineProperty().removeListener(caretListener);
            }
            if (doc != null) {
                doc.caretLineProperty().addListener(caretListener);
            }
        });
        DocumentModel current = editor.selectedProperty().get();
        if (current != null) {
            current.caretLineProperty().addListener(caretListener);
        }
        root.getChildren().setAll(web);
        page.show(model.updateProperty().get());
    }

    /** Keeps the page at the newest render; a navigation away from it brings the render back. */
    private void connectPage(WebEngine engine) {
        page = new IncrementalPage(engine, this::scrollToCaret);
        engine.locationProperty().addListener((o, a, location) -> {
            if (location != null && !location.isEmpty() && !location.equals("about:blank")) {
                page.reload();
            }
        });
        model.updateProperty().addListener((o, a, update) -> page.show(update));
    }

    private void paintBackground(boolean dark) {
        if (web != null) {
            web.setPageFill(dark ? Color.web("#0d1117") : Color.WHITE);
        }
    }

    private void scrollToCaret() {
        DocumentModel doc = editor.selectedProperty().get();
        if (web == null || doc == null) {
            return;
        }
        try {
            web.getEngine().executeScript(String.format(SCROLL_TO_LINE, Math.max(1, doc.caretLineProperty().get())));
        } catch (RuntimeException e) {
            // The page is between loads; the next load scrolls again.
        }
    }
}
