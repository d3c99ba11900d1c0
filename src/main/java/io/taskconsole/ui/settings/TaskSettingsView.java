package io.taskconsole.ui.settings;

import atlantafx.base.theme.Styles;
import io.taskconsole.task.TaskInfo;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The task settings form: one labelled field per setting with its problem right under it, the env
 * entries and Secret references as rows, and Save / Cancel. Binds to a {@link TaskSettingsViewModel}
 * and holds no state of its own. Labels take their full width at any window size (never "…").
 */
public final class TaskSettingsView {

    static final double ERROR_WIDTH = 460;

    private final TaskSettingsViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox envRows = new VBox(6);
    private final VBox secretRows = new VBox(6);
    private final Button save = new Button("Save");
    private final Button cancel = new Button("Cancel");

    public TaskSettingsView(TaskSettingsViewModel model) {
        this.model = model;
        root.setId("task-settings");
        // One grid for both sections, so their fields line up.
        GridPane fields = grid();
        int row = heading(fields, 0, "Task");
        row = field(fields, row, "_Title", "settings-title", model.title(), "What the agent should do");
        row = field(fields, row, "_Service", "settings-service", model.service(), "e.g. auth-service");
        row = field(fields, row, "_Model", "settings-model", model.model(), "e.g. claude-sonnet-4-5");
        ComboBox<String> mode = new ComboBox<>();
        mode.getItems().setAll(TaskSettingsViewModel.PERMISSION_MODES);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "the chart's default (bypassPermissions)" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        mode.valueProperty().bindBidirectional(model.permissionModeProperty());
        mode.setId("settings-permission");
        row = control(fields, row, "_Permission mode", mode, null);
        row = field(fields, row, "_Deadline", "settings-deadline", model.deadline(), "the chart's (2h); e.g. 90m or 5400");
        row = heading(fields, row, "Repository");
        row = field(fields, row, "Repository _URL", "settings-url", model.url(), "https://… or git@host:path (empty: no code)");
        row = field(fields, row, "_Branch", "settings-branch", model.branch(), "main");
        row = field(fields, row, "P_ath in repository", "settings-path", model.path(), "e.g. services/auth (empty: the top)");
        field(fields, row, "_Credentials Secret", "settings-credentials", model.credentialsSecret(), "empty: a public repository");

        Button addEnv = new Button("Add env entry");
        addEnv.setId("settings-add-env");
        addEnv.setAccessibleText("Add an env entry");
        addEnv.setOnAction(e -> {
            model.addEnv();
            focusLast(envRows);
        });
        Button addSecret = new Button("Add secret reference");
        addSecret.setId("settings-add-secret");
        addSecret.setAccessibleText("Add a secret reference");
        addSecret.setOnAction(e -> {
            model.addSecret();
            focusLast(secretRows);
        });
        onRowsAddedOrRemoved(model.env(), this::rebuildEnv);
        onRowsAddedOrRemoved(model.secrets(), this::rebuildSecrets);
        rebuildEnv();
        rebuildSecrets();
        Label names = error(model.namesErrorProperty());
        names.setId("settings-names-error");

        VBox form = new VBox(10, fields,
                heading("Environment"), envRows, addEnv,
                heading("Secret references"), hint("Env name ← a key of an existing Secret in the namespace (never a value)"),
                secretRows, addSecret, names);
        form.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setId("settings-scroll");
        root.setCenter(scroll);

        save.setId("settings-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.validProperty().not().or(model.savingProperty()));
        cancel.setId("settings-cancel");
        cancel.setCancelButton(true);
        Label saveError = error(model.saveErrorProperty());
        saveError.setId("settings-save-error");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, saveError, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 12, 12, 12));
        root.setBottom(buttons);
    }

    public Node node() {
        return root;
    }

    /** Save writes task.yaml and then calls {@code saved}; Cancel calls {@code cancelled}. */
    public void onSaveAndCancel(Consumer<TaskInfo> saved, Runnable cancelled) {
        save.setOnAction(e -> model.save(saved));
        cancel.setOnAction(e -> cancelled.run());
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(220);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static int field(GridPane grid, int row, String label, String id, SettingField field, String prompt) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.textProperty());
        text.setId(id);
        text.setPromptText(prompt);
        return control(grid, row, label, text, field);
    }

    /** A label (with its mnemonic), the control, and the control's problem under it. */
    private static int control(GridPane grid, int row, String label, Control control, SettingField field) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(control);
        name.setMinWidth(Region.USE_PREF_SIZE);
        String plain = label.replace("_", "");
        control.setAccessibleText(plain);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.add(name, 0, row);
        grid.add(control, 1, row);
        if (field == null) {
            return row + 1;
        }
        Label problem = error(field.errorProperty());
        problem.setId(control.getId() + "-error");
        control.accessibleHelpProperty().bind(field.errorProperty());
        field.errorProperty().addListener((o, a, now) -> danger(control, !now.isEmpty()));
        danger(control, !field.errorProperty().get().isEmpty());
        grid.add(problem, 1, row + 1);
        return row + 2;
    }

    private void rebuildEnv() {
        envRows.getChildren().clear();
        for (int i = 0; i < model.env().size(); i++) {
            EnvRow r = model.env().get(i);
            TextField name = rowField(r.name(), "settings-env-name-" + i, "NAME", "Env name " + (i + 1));
            TextField value = rowField(r.value(), "settings-env-value-" + i, "value", "Env value " + (i + 1));
            Button remove = remove("settings-env-remove-" + i, "Remove env entry " + (i + 1), () -> model.env().remove(r));
            envRows.getChildren().add(row(line(name, new Label("="), value, remove), r.name()));
        }
    }

    private void rebuildSecrets() {
        secretRows.getChildren().clear();
        for (int i = 0; i < model.secrets().size(); i++) {
            SecretRow r = model.secrets().get(i);
            TextField name = rowField(r.name(), "settings-secret-name-" + i, "NAME", "Secret env name " + (i + 1));
            TextField secret = rowField(r.secret(), "settings-secret-secret-" + i, "Secret", "Secret name " + (i + 1));
            TextField key = rowField(r.key(), "settings-secret-key-" + i, "key", "Secret key " + (i + 1));
            Button remove = remove("settings-secret-remove-" + i, "Remove secret reference " + (i + 1),
                    () -> model.secrets().remove(r));
            Label arrow = new Label("←");
            Label slash = new Label("/");
            arrow.setMinWidth(Region.USE_PREF_SIZE);
            slash.setMinWidth(Region.USE_PREF_SIZE);
            Label problem = error(Bindings.createStringBinding(() -> first(r.name(), r.secret(), r.key()),
                    r.name().errorProperty(), r.secret().errorProperty(), r.key().errorProperty()));
            problem.setId("settings-secret-error-" + i);
            secretRows.getChildren().add(new VBox(2, line(name, arrow, secret, slash, key, remove), problem));
        }
    }

    private static HBox line(Node... parts) {
        HBox line = new HBox(6, parts);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** Rows are rebuilt when added or removed, never as one is typed in (that would take the cursor away). */
    private static <T> void onRowsAddedOrRemoved(ObservableList<T> rows, Runnable rebuild) {
        rows.addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    rebuild.run();
                    return;
                }
            }
        });
    }

    /** AtlantaFX's red border for a field with a problem. */
    private static void danger(Control control, boolean on) {
        control.pseudoClassStateChanged(Styles.STATE_DANGER, on);
    }

    private static VBox row(HBox fields, SettingField judged) {
        Label problem = error(judged.errorProperty());
        problem.setId(fields.getChildren().get(0).getId() + "-error");
        return new VBox(2, fields, problem);
    }

    private static String first(SettingField... fields) {
        for (SettingField f : fields) {
            if (!f.errorProperty().get().isEmpty()) {
                return f.errorProperty().get();
            }
        }
        return "";
    }

    private static TextField rowField(SettingField field, String id, String prompt, String accessible) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.textProperty());
        text.setId(id);
        text.setPromptText(prompt);
        text.setAccessibleText(accessible);
        text.accessibleHelpProperty().bind(field.errorProperty());
        field.errorProperty().addListener((o, a, now) -> danger(text, !now.isEmpty()));
        danger(text, !field.errorProperty().get().isEmpty());
        HBox.setHgrow(text, Priority.ALWAYS);
        return text;
    }

    private static Button remove(String id, String accessible, Runnable action) {
        Button b = new Button("✕");
        b.setId(id);
        b.setAccessibleText(accessible);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.getStyleClass().add(Styles.FLAT);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Puts the cursor in the first field of the row just added. */
    private static void focusLast(VBox rows) {
        Node last = rows.getChildren().isEmpty() ? null : rows.getChildren().get(rows.getChildren().size() - 1);
        if (last != null) {
            Node field = last.lookup(".text-field");
            if (field != null) {
                field.requestFocus();
            }
        }
    }

    private static int heading(GridPane grid, int row, String text) {
        Label l = heading(text);
        GridPane.setMargin(l, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        grid.add(l, 0, row, 2, 1);
        return row + 1;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static Label error(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        l.setWrapText(true);
        l.setMaxWidth(ERROR_WIDTH);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}
