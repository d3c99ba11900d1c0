package io.taskconsole.ui.cluster;

import io.taskconsole.app.TeamToken;
import io.taskconsole.ui.dialogs.Dialogs;
import javafx.beans.binding.BooleanExpression;
import java.io.File;
import io.taskconsole.submit.SubmitSettings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The target settings: Kubernetes (kubeconfig, context, namespace) or Orchestrator (URL, token
 * file), the connection check, helm and chart.
 */
public final class ClusterView {

    private final ClusterViewModel model;
    private final Dialogs dialogs;
    private final ScrollPane root = new ScrollPane();
    private final Button check = new Button("Check connection");

    public ClusterView(ClusterViewModel model, Dialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        build();
    }

    public Node node() {
        return root;
    }

    public Button checkButton() {
        return check;
    }

    private void build() {
        GridPane grid = new GridPane();
        grid.setId("cluster-pane");
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        // A narrow pane squeezes the fields, never the labels: "…" in place of "Namespace" tells nobody anything.
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(0);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        BooleanExpression throughTeam = model.kindProperty().isEqualTo(ClusterViewModel.Kind.ORCHESTRATOR);

        TextField kubeconfig = field("kubeconfig", "Default: $KUBECONFIG, then $HOME/.kube/config", "Kubeconfig file");
        kubeconfig.textProperty().bindBidirectional(model.kubeconfigProperty());
        kubeconfig.setOnAction(e -> model.loadContexts());
        kubeconfig.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                model.loadContexts();
            }
        });
        Button browse = new Button("…");
        browse.setTooltip(new Tooltip("Choose a kubeconfig file"));
        browse.setAccessibleText("Choose a kubeconfig file");
        browse.setOnAction(e -> {
            dialogs.openFile("Kubeconfig", "Kubeconfig files", "*").ifPresent(file -> {
                model.kubeconfigProperty().set(file.toString());
                model.loadContexts();
            });
        });
        HBox.setHgrow(kubeconfig, Priority.ALWAYS);

        ComboBox<String> context = new ComboBox<>(model.contexts());
        context.setId("context");
        context.setEditable(true);
        context.setMaxWidth(Double.MAX_VALUE);
        context.setPromptText("current-context");
        context.setAccessibleText("Kubernetes context");
        context.valueProperty().bindBidirectional(model.contextProperty());
        context.setOnShowing(e -> model.loadContexts());
        Label contextsError = new Label();
        contextsError.setId("contexts-error");
        contextsError.setWrapText(true);
        contextsError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        contextsError.textProperty().bind(model.contextsErrorProperty());
        contextsError.visibleProperty().bind(model.contextsErrorProperty().isNotEmpty().and(throughTeam.not()));
        contextsError.managedProperty().bind(contextsError.visibleProperty());

        Label files = new Label();
        files.setId("kubeconfig-files");
        files.setWrapText(true);
        files.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        files.textProperty().bind(model.kubeconfigFilesProperty());
        files.visibleProperty().bind(model.kubeconfigFilesProperty().isNotEmpty().and(throughTeam.not()));
        files.managedProperty().bind(files.visibleProperty());

        TextField namespace = field("namespace", "orchestrator", "Namespace");
        namespace.textProperty().bindBidirectional(model.namespaceProperty());

        check.setId("check-connection");
        check.setTooltip(new Tooltip("Ask the cluster for its version, or the orchestrator whether it is ready (Ctrl+Shift+K)"));
        check.setAccessibleText("Check the connection to the cluster or the orchestrator");
        check.setOnAction(e -> model.checkConnection());
        check.disableProperty().bind(model.checkingProperty());
        Label status = new Label();
        status.setId("connection-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusTextProperty());
        model.statusProperty().addListener((o, a, s) -> showStatus(status, s));
        showStatus(status, model.statusProperty().get());

        TextField helm = field("helm-path", "helm on PATH", "Path of the helm binary");
        helm.textProperty().bindBidirectional(model.helmPathProperty());
        helm.setOnAction(e -> model.locateHelm());
        helm.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                model.locateHelm();
            }
        });
        Label helmVersion = new Label();
        helmVersion.setId("helm-version");
        helmVersion.setWrapText(true);
        helmVersion.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        helmVersion.textProperty().bind(model.helmVersionProperty());

        TextField chart = field("chart", "bundled chart", "Chart folder or oci:// reference; empty for the bundled chart");
        chart.textProperty().bindBidirectional(model.chartProperty());
        Button chartBrowse = new Button("…");
        chartBrowse.setTooltip(new Tooltip("Choose a chart folder"));
        chartBrowse.setAccessibleText("Choose a chart folder");
        chartBrowse.setOnAction(e -> {
            dialogs.chooseDirectory("Chart folder", null).ifPresent(dir -> model.chartProperty().set(dir.toString()));
        });
        HBox.setHgrow(chart, Priority.ALWAYS);

        TextField timeout = field("helm-timeout", "5m", "How long helm may take, e.g. 90s, 5m, 1h30m");
        timeout.textProperty().bindBidirectional(model.timeoutProperty());
        CheckBox waitBox = new CheckBox("Wait until the Job's resources are ready");
        waitBox.setId("helm-wait");
        waitBox.setWrapText(true);
        waitBox.setAccessibleText("Let helm wait until the Job's resources are ready");
        waitBox.selectedProperty().bindBidirectional(model.waitForResourcesProperty());
        TextField values = field("values-files", "none",
                "Extra values files for the chart, separated by '" + File.pathSeparator + "'");
        values.textProperty().bindBidirectional(model.valuesFilesProperty());
        TextField storage = field("storage-class", SubmitSettings.DEFAULT_STORAGE_CLASS,
                "Storage class of a service's new workspace volume");
        storage.textProperty().bindBidirectional(model.storageClassProperty());

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton kube = kindButton("target-kubernetes", "Kubernetes", ClusterViewModel.Kind.KUBERNETES, kinds,
                "Submit with this machine's kubeconfig and helm", Styles.LEFT_PILL);
        ToggleButton team = kindButton("target-orchestrator", "Orchestrator", ClusterViewModel.Kind.ORCHESTRATOR, kinds,
                "Submit through an orchestrator service with a token (team mode)", Styles.RIGHT_PILL);
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one kind is always chosen
            } else {
                model.kindProperty().set((ClusterViewModel.Kind) now.getUserData());
            }
        });
        model.kindProperty().addListener((o, a, k) -> (k == ClusterViewModel.Kind.ORCHESTRATOR ? team : kube).setSelected(true));
        (model.throughOrchestrator() ? team : kube).setSelected(true);

        TextField url = field("orchestrator-url", "https://orchestrator.example.com", "Orchestrator service URL");
        url.textProperty().bindBidirectional(model.orchestratorUrlProperty());
        TextField tokenFile = field("token-file", "$" + TeamToken.VARIABLE, "File holding your orchestrator token");
        tokenFile.textProperty().bindBidirectional(model.tokenFileProperty());
        Button tokenBrowse = new Button("…");
        tokenBrowse.setId("token-file-browse");
        tokenBrowse.setTooltip(new Tooltip("Choose the file holding your token"));
        tokenBrowse.setAccessibleText("Choose the file holding your token");
        tokenBrowse.setOnAction(e -> dialogs.openFile("Token file", "Token files", "*")
                .ifPresent(file -> model.tokenFileProperty().set(file.toString())));
        HBox.setHgrow(tokenFile, Priority.ALWAYS);
        Label tokenHint = new Label("The service's operator gives you the URL and a token. Only the file's path is "
                + "kept; the token is read from it (or from $" + TeamToken.VARIABLE + " when empty) for each request. "
                + "Submit, Retry and Attempts go through the service; the dry run stays on this machine.");
        tokenHint.setId("token-hint");
        tokenHint.setWrapText(true);
        tokenHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        int row = 0;
        Label title = new Label("Target");
        title.getStyleClass().add(Styles.TITLE_4);
        grid.add(title, 0, row++, 2, 1);
        grid.add(new HBox(kube, team), 0, row++, 2, 1);
        // Both kinds' fields share these rows; only the chosen kind's are shown.
        int fieldsRow = row;
        Node[][] kubeRows = {
                {new Label("Kubeconfig"), new HBox(4, kubeconfig, browse)},
                {null, files},
                {new Label("Context"), context},
                {null, contextsError},
                {new Label("Namespace"), namespace}};
        Node[][] teamRows = {
                {new Label("URL"), url},
                {new Label("Token file"), new HBox(4, tokenFile, tokenBrowse)},
                {null, tokenHint}};
        place(grid, kubeRows, fieldsRow, throughTeam.not());
        place(grid, teamRows, fieldsRow, throughTeam);
        row = fieldsRow + Math.max(kubeRows.length, teamRows.length);
        grid.add(check, 1, row++);
        grid.add(status, 0, row++, 2, 1);
        Label helmTitle = new Label("Helm");
        helmTitle.getStyleClass().add(Styles.TITLE_4);
        grid.add(helmTitle, 0, row++, 2, 1);
        Label helmTeamNote = new Label("The orchestrator runs its own helm and chart; these are used for the dry run "
                + "on this machine only.");
        helmTeamNote.setId("helm-team-note");
        helmTeamNote.setWrapText(true);
        helmTeamNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        helmTeamNote.visibleProperty().bind(throughTeam);
        helmTeamNote.managedProperty().bind(throughTeam);
        grid.add(helmTeamNote, 0, row++, 2, 1);
        grid.addRow(row++, new Label("helm"), helm);
        grid.add(helmVersion, 0, row++, 2, 1);
        grid.addRow(row++, new Label("Chart"), new HBox(4, chart, chartBrowse));
        grid.addRow(row++, new Label("Timeout"), timeout);
        grid.add(waitBox, 1, row++);
        grid.addRow(row++, new Label("Values files"), values);
        grid.addRow(row++, new Label("Storage class"), storage);

        root.setContent(grid);
        root.setFitToWidth(true);
    }

    private ToggleButton kindButton(String id, String text, ClusterViewModel.Kind kind, ToggleGroup group, String tip,
                                    String pill) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setUserData(kind);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.getStyleClass().add(pill);
        return button;
    }

    /**
     * Puts {@code rows} (a label, or none, and a field) into the grid from {@code first} on, shown while
     * {@code shown} holds; a field with its own rule for showing (a note shown when it has text) keeps it.
     */
    private static void place(GridPane grid, Node[][] rows, int first, BooleanExpression shown) {
        for (int i = 0; i < rows.length; i++) {
            Node label = rows[i][0];
            Node field = rows[i][1];
            if (label != null) {
                grid.add(label, 0, first + i);
                label.visibleProperty().bind(shown);
                label.managedProperty().bind(shown);
            }
            grid.add(field, 1, first + i);
            if (!field.visibleProperty().isBound()) {
                field.visibleProperty().bind(shown);
                field.managedProperty().bind(shown);
            }
        }
    }

    private static TextField field(String id, String prompt, String accessible) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(accessible);
        f.setTooltip(new Tooltip(accessible));
        return f;
    }

    private static void showStatus(Label status, ClusterViewModel.Status s) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        status.getStyleClass().add(s == ClusterViewModel.Status.CONNECTED ? Styles.SUCCESS
                : s == ClusterViewModel.Status.FAILED ? Styles.DANGER : Styles.TEXT_MUTED);
    }
}
