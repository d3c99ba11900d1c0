package io.taskconsole.ui.settings;

import io.taskconsole.task.SettingsRules;
import java.util.Optional;

/** One {@code env} entry of the form: a name and its plain value. */
public final class EnvRow {

    private final SettingField name = new SettingField(SettingsRules::envName);
    private final SettingField value = new SettingField(v -> Optional.empty());

    EnvRow(String name, String value) {
        this.name.set(name);
        this.value.set(value);
    }

    public SettingField name() {
        return name;
    }

    public SettingField value() {
        return value;
    }
}
