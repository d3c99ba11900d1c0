package io.taskconsole.ui.settings;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.Repository;
import io.taskconsole.task.SecretRef;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.SettingsRules;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The task settings form: {@code task.yaml}'s fields as the user types them, each judged as typed
 * by the rule the CLI uses ({@link SettingsRules}, {@link ServiceName}), and a save that writes
 * {@code task.yaml} through the task store, which keeps the file's comments and unknown keys.
 */
public final class TaskSettingsViewModel {

    /** The permission mode choices; empty leaves the chart's default. */
    public static final List<String> PERMISSION_MODES = Stream.concat(Stream.of(""),
            SettingsRules.PERMISSION_MODES.stream().sorted()).toList();

    private final TaskStore store;
    private final BackgroundExecutor executor;

    private final SettingField title = new SettingField(t -> t.contains("\n")
            ? Optional.of("The title is one line.") : Optional.empty());
    private final SettingField service = new SettingField(TaskSettingsViewModel::serviceProblem);
    private final SettingField url = new SettingField(this::urlProblem);
    private final SettingField branch = new SettingField(SettingsRules::branch);
    private final SettingField path = new SettingField(SettingsRules::repositoryPath);
    private final SettingField credentialsSecret = new SettingField(s -> s.isEmpty() ? Optional.empty()
            : SettingsRules.secretName(s));
    private final SettingField model = new SettingField(m -> Optional.empty());
    private final ObjectProperty<String> permissionMode = new SimpleObjectProperty<>(this, "permissionMode", "");
    private final SettingField deadline = new SettingField(SettingsRules::deadline);
    private final ObservableList<EnvRow> env = FXCollections.observableArrayList(
            r -> new Observable[] {r.name().textProperty(), r.name().errorProperty()});
    private final ObservableList<SecretRow> secrets = FXCollections.observableArrayList(
            r -> new Observable[] {r.name().textProperty(), r.secret().errorProperty(), r.key().errorProperty()});
    private final ReadOnlyStringWrapper namesError = new ReadOnlyStringWrapper(this, "namesError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private Path folder;
    private TaskInfo loaded;

    public TaskSettingsViewModel(TaskStore store, BackgroundExecutor executor) {
        this.store = store;
        this.executor = executor;
        // The repository's other fields only count with a url, so they re-judge it.
        for (SettingField f : List.of(branch, path, credentialsSecret)) {
            f.textProperty().addListener((o, a, b) -> url.check());
        }
        for (SettingField f : fields()) {
            f.errorProperty().addListener((o, a, b) -> revalidate());
        }
        env.addListener((javafx.collections.ListChangeListener<EnvRow>) c -> revalidate());
        secrets.addListener((javafx.collections.ListChangeListener<SecretRow>) c -> revalidate());
    }

    // ---- properties ----

    public SettingField title() {
        return title;
    }

    public SettingField service() {
        return service;
    }

    public SettingField url() {
        return url;
    }

    public SettingField branch() {
        return branch;
    }

    public SettingField path() {
        return path;
    }

    public SettingField credentialsSecret() {
        return credentialsSecret;
    }

    public SettingField model() {
        return model;
    }

    public ObjectProperty<String> permissionModeProperty() {
        return permissionMode;
    }

    public SettingField deadline() {
        return deadline;
    }

    public ObservableList<EnvRow> env() {
        return env;
    }

    public ObservableList<SecretRow> secrets() {
        return secrets;
    }

    /** A name used twice, or both as a plain value and a secret reference; empty when none is. */
    public ReadOnlyStringProperty namesErrorProperty() {
        return namesError.getReadOnlyProperty();
    }

    /** No field has a problem: Save may write. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the last save failed (the disk, the folder), or empty. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Fills the form from the task's {@code task.yaml} as loaded. */
    public void load(Path taskFolder, TaskInfo info) {
        folder = taskFolder;
        loaded = info;
        title.set(info.title());
        service.set(info.service().value());
        TaskSettings s = info.settings();
        Repository repo = s.repository();
        url.set(repo == null ? "" : repo.url());
        branch.set(repo == null ? "" : repo.branch());
        path.set(repo == null ? "" : repo.path());
        credentialsSecret.set(repo == null ? "" : repo.credentialsSecret());
        model.set(info.model());
        permissionMode.set(s.permissionMode() == null ? "" : s.permissionMode());
        deadline.set(s.activeDeadlineSeconds() == null ? "" : formatDeadline(s.activeDeadlineSeconds()));
        env.setAll(s.env().entrySet().stream().map(e -> new EnvRow(e.getKey(), e.getValue())).toList());
        secrets.setAll(s.secrets().entrySet().stream()
                .map(e -> new SecretRow(e.getKey(), e.getValue().secret(), e.getValue().key())).toList());
        saveError.set("");
        url.check();
        revalidate();
    }

    public EnvRow addEnv() {
        EnvRow row = new EnvRow("", "");
        env.add(row);
        return row;
    }

    public SecretRow addSecret() {
        SecretRow row = new SecretRow("", "", "");
        secrets.add(row);
        return row;
    }

    /** The task as the form says, or empty while a field has a problem. */
    public Optional<TaskInfo> toInfo() {
        if (loaded == null || !valid.get()) {
            return Optional.empty();
        }
        Repository repo = url.value().isEmpty() ? null
                : new Repository(url.value(), branch.value(), path.value(), credentialsSecret.value());
        Map<String, String> envMap = new LinkedHashMap<>();
        env.forEach(r -> envMap.put(r.name().value(), r.value().textProperty().get()));
        Map<String, SecretRef> secretMap = new LinkedHashMap<>();
        secrets.forEach(r -> secretMap.put(r.name().value(), new SecretRef(r.secret().value(), r.key().value())));
        Integer seconds = deadline.value().isEmpty() ? null : SettingsRules.parseDeadline(deadline.value()).orElseThrow();
        TaskSettings settings = new TaskSettings(repo, permissionMode.get(), seconds, envMap, secretMap);
        return Optional.of(new TaskInfo(loaded.id(), new ServiceName(service.value()), title.value(), loaded.agent(),
                model.value(), settings));
    }

    /** Writes {@code task.yaml} in the background; {@code saved} gets what was written, on the UI thread. */
    public void save(Consumer<TaskInfo> saved) {
        Optional<TaskInfo> info = toInfo();
        if (info.isEmpty() || saving.get()) {
            return;
        }
        Path target = folder;
        saving.set(true);
        saveError.set("");
        executor.task(() -> {
            store.saveInfo(target, info.get());
            return info.get();
        }).onSuccess(written -> {
            loaded = written;
            saved.accept(written);
        }).onFailure(e -> saveError.set(e instanceof TaskConsoleException tce ? tce.oneLine()
                : "Cannot save task.yaml: " + e.getMessage()))
                .onFinally(() -> saving.set(false))
                .start();
    }

    // ---- rules ----

    private static Optional<String> serviceProblem(String text) {
        try {
            ServiceName.parse(text);
            return Optional.empty();
        } catch (TaskConsoleException e) {
            return Optional.of(e.oneLine());
        }
    }

    private Optional<String> urlProblem(String text) {
        if (text.isEmpty()) {
            boolean rest = !branch.value().isEmpty() || !path.value().isEmpty() || !credentialsSecret.value().isEmpty();
            return rest ? Optional.of("Give the repository's url, or clear its branch, path and credentials.") : Optional.empty();
        }
        return SettingsRules.repositoryUrl(text);
    }

    private List<SettingField> fields() {
        return List.of(title, service, url, branch, path, credentialsSecret, model, deadline);
    }

    private void revalidate() {
        namesError.set(namesProblem().orElse(""));
        boolean ok = fields().stream().allMatch(SettingField::valid)
                && env.stream().allMatch(r -> r.name().valid())
                && secrets.stream().allMatch(r -> r.name().valid() && r.secret().valid() && r.key().valid())
                && namesError.get().isEmpty();
        valid.set(ok);
    }

    private Optional<String> namesProblem() {
        Set<String> plain = new HashSet<>();
        for (EnvRow r : env) {
            if (!r.name().value().isEmpty() && !plain.add(r.name().value())) {
                return Optional.of("Env name '" + r.name().value() + "' is there twice: keep one.");
            }
        }
        Set<String> referenced = new HashSet<>();
        for (SecretRow r : secrets) {
            String name = r.name().value();
            if (name.isEmpty()) {
                continue;
            }
            if (plain.contains(name)) {
                return Optional.of("Env name '" + name + "' is both a plain value and a secret reference: keep one.");
            }
            if (!referenced.add(name)) {
                return Optional.of("Secret reference '" + name + "' is there twice: keep one.");
            }
        }
        return Optional.empty();
    }

    /** Seconds as the form shows them: whole hours or minutes with a unit, else seconds. */
    static String formatDeadline(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : Integer.toString(seconds);
    }
}
