package io.taskconsole.ui.compare;

import io.taskconsole.compare.Comparison;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A comparison for the diff view: the files with their changed lines and words, and one line saying
 * what differs (or why there is nothing to compare). Set on the FX thread.
 */
public final class DiffViewModel {

    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");

    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public void show(Comparison shown) {
        comparison.set(shown);
        summary.set(shown.summary());
    }

    /** Nothing to compare, and why. */
    public void showNothing(String why) {
        comparison.set(null);
        summary.set(why);
    }
}
