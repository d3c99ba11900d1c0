package io.taskconsole.ui.submit;

import io.taskconsole.submit.DryRun;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;

/** What a dry run rendered: the ConfigMap, values.yaml, the helm command and helm template's output. */
public final class DryRunView {

    private final StackPane root = new StackPane();
    private final TextArea configMap = area("dry-run-configmap");
    private final TextArea values = area("dry-run-values");
    private final TextArea command = area("dry-run-command");
    private final TextArea template = area("dry-run-template");

    public DryRunView(SubmitViewModel model) {
        TabPane tabs = new TabPane(
                new Tab("ConfigMap", configMap),
                new Tab("values.yaml", values),
                new Tab("helm command", command),
                new Tab("helm template", template));
        tabs.setId("dry-run-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label empty = new Label("Dry run (Ctrl+Shift+D) renders the ConfigMap and helm template here, without a cluster.");
        empty.setWrapText(true);
        root.getChildren().addAll(empty, tabs);
        tabs.visibleProperty().bind(model.dryRunProperty().isNotNull());
        empty.visibleProperty().bind(tabs.visibleProperty().not());
        model.dryRunProperty().addListener((o, a, run) -> show(run));
        show(model.dryRunProperty().get());
    }

    private void show(DryRun.Result run) {
        if (run == null) {
            return;
        }
        configMap.setText(run.configMapYaml());
        values.setText(run.valuesYaml());
        command.setText(run.helmCommand());
        template.setText(run.manifests() == null ? "" : run.manifests());
    }

    public Node node() {
        return root;
    }

    static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("monospace");
        area.setAccessibleText(id.replace('-', ' '));
        return area;
    }
}
