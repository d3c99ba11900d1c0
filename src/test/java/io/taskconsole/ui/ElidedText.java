package io.taskconsole.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds controls that show less than their text: a {@link Labeled}'s skin draws its text through a
 * {@code Text} node of style class {@code text}, which holds the clipped string ("Namesp…") when
 * the control is too narrow. Only what is on screen counts: invisible or unmanaged nodes are skipped.
 */
public final class ElidedText {

    private ElidedText() {
    }

    /** Call on the FX thread after layout; one line per elided control: id or class, own text, drawn text. */
    public static List<String> in(Parent root) {
        List<String> elided = new ArrayList<>();
        collect(root, elided);
        return elided;
    }

    private static void collect(Node node, List<String> elided) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String drawn = drawnText(labeled);
            if (drawn != null && !drawn.equals(labeled.getText())) {
                String name = labeled.getId() != null ? "#" + labeled.getId() : labeled.getClass().getSimpleName();
                elided.add(name + " \"" + labeled.getText() + "\" drawn as \"" + drawn + "\"");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, elided);
            }
        }
    }

    private static String drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }
}
