package io.taskconsole.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made when the pointer first enters the control. A {@link Tooltip} is a
 * popup control with its own scene graph and styles: the two dozen the window's toolbar, task list,
 * editor and gutter showed at once took about a tenth of the time from the first frame to a usable
 * editor, and most are never hovered. The text is also the control's accessible help, which a
 * tooltip would have given, so a screen reader has it before any hover.
 */
public final class LazyTooltip {

    private static final String TEXT = LazyTooltip.class.getName() + ".text";
    private static final String HANDLER = LazyTooltip.class.getName() + ".handler";

    private LazyTooltip() {
    }

    /** Gives {@code control} the tooltip {@code text} (none when null), made on the first hover. */
    public static void set(Control control, String text) {
        control.setAccessibleHelp(text);
        if (text == null) {
            control.getProperties().remove(TEXT);
            control.setTooltip(null);
            return;
        }
        control.getProperties().put(TEXT, text);
        Tooltip shown = control.getTooltip();
        if (shown != null) {
            shown.setText(text);
            return;
        }
        if (!control.getProperties().containsKey(HANDLER)) {
            EventHandler<MouseEvent> onEnter = e -> {
                if (control.getTooltip() == null && control.getProperties().get(TEXT) instanceof String tip) {
                    control.setTooltip(new Tooltip(tip));
                }
            };
            control.getProperties().put(HANDLER, onEnter);
            control.addEventHandler(MouseEvent.MOUSE_ENTERED, onEnter);
        }
    }

    /** The tooltip's text, whether or not it has been made yet. */
    public static String text(Control control) {
        return control.getProperties().get(TEXT) instanceof String tip ? tip
                : control.getTooltip() == null ? null : control.getTooltip().getText();
    }
}
