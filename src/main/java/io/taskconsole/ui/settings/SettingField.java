package io.taskconsole.ui.settings;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One text field of the settings form: what the user typed and the problem with it, judged by a
 * rule of {@link io.taskconsole.task.SettingsRules} (the CLI's rule) on every keystroke.
 */
public final class SettingField {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Function<String, Optional<String>> rule;

    SettingField(Function<String, Optional<String>> rule) {
        this.rule = rule;
        text.addListener((o, was, now) -> check());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The problem in a sentence, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The text without surrounding blanks. */
    public String value() {
        return text.get() == null ? "" : text.get().strip();
    }

    void set(String value) {
        text.set(value == null ? "" : value);
        check();
    }

    /** Re-judges the text (also when a rule depends on another field). */
    void check() {
        error.set(rule.apply(value()).orElse(""));
    }

    boolean valid() {
        return error.get().isEmpty();
    }
}
