package io.taskconsole.ui.editor;

import javafx.animation.PauseTransition;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.fxmisc.richtext.Caret;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Stops an editor's caret blinking once the user has left it alone for a while, and starts it again
 * at the next key, click or caret move, as GTK does ({@code gtk-cursor-blink-timeout}, 10 s).
 * A blinking caret is an animation, and while any runs JavaFX lays out and draws the window 60 times
 * a second: an idle console spent 1.6% of a core and allocated about 1 MB/s (which the collector then
 * held as committed memory) on a caret nobody was watching.
 */
final class CaretRest {

    /** How long the caret blinks after the last input: GTK's default. */
    static final Duration AFTER = Duration.seconds(10);
    /** RichTextFX's own rate, restored when the user comes back. */
    static final Duration BLINK = Duration.millis(500);

    private final Caret caret;
    private final PauseTransition rest;

    CaretRest(GenericStyledArea<?, ?, ?> area, Duration after) {
        this.caret = area.getCaretSelectionBind().getUnderlyingCaret();
        this.rest = new PauseTransition(after);
        rest.setOnFinished(e -> caret.setBlinkRate(Duration.ZERO)); // zero: shown steadily, no timer
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> wake(area));
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> wake(area));
        area.caretPositionProperty().addListener((o, a, b) -> wake(area));
        area.focusedProperty().addListener((o, a, b) -> wake(area));
        wake(area);
    }

    /** Whether the caret has stopped blinking (for tests). */
    boolean resting() {
        return Duration.ZERO.equals(caret.getBlinkRate());
    }

    private void wake(GenericStyledArea<?, ?, ?> area) {
        if (!area.isFocused()) {
            // An unfocused area shows no caret; nothing to time.
            rest.stop();
            return;
        }
        if (!BLINK.equals(caret.getBlinkRate())) {
            caret.setBlinkRate(BLINK);
        }
        rest.playFromStart();
    }
}
