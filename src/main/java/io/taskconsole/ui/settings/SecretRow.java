package io.taskconsole.ui.settings;

import io.taskconsole.task.SettingsRules;

/** One {@code secrets} entry of the form: an env name and the Secret and key it comes from (never a value). */
public final class SecretRow {

    private final SettingField name = new SettingField(SettingsRules::envName);
    private final SettingField secret = new SettingField(SettingsRules::secretName);
    private final SettingField key = new SettingField(SettingsRules::secretKey);

    SecretRow(String name, String secret, String key) {
        this.name.set(name);
        this.secret.set(secret);
        this.key.set(key);
    }

    public SettingField name() {
        return name;
    }

    public SettingField secret() {
        return secret;
    }

    public SettingField key() {
        return key;
    }
}
