package io.taskconsole.ui.submit;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * {@code prompt.md} and {@code metadata.yaml} exactly as the next attempt would send them, and the
 * workspace's prompt template, editable (saved to the workspace a moment after typing).
 */
public final class GeneratedFilesView {

    private final TabPane tabs = new TabPane();

    public GeneratedFilesView(SubmitViewModel model) {
        TextArea prompt = DryRunView.area("generated-prompt");
        TextArea metadata = DryRunView.area("generated-metadata");
        model.generatedProperty().addListener((o, a, g) -> show(g, prompt, metadata));
        show(model.generatedProperty().get(), prompt, metadata);
        TextArea template = new TextArea();
        template.setId("prompt-template");
        template.getStyleClass().add("monospace");
        template.setAccessibleText("Prompt template of this workspace");
        template.textProperty().bindBidirectional(model.promptTemplateProperty());
        Label hint = new Label("Placeholders: {{taskId}} {{title}} {{service}} {{agent}} {{model}} {{extraFiles}} {{criteriaIds}} {{reportBlock}}");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button reset = new Button("Reset to built-in");
        reset.setTooltip(new Tooltip("Use the prompt template that ships with Task Console"));
        reset.setOnAction(e -> model.resetTemplate());
        HBox bar = new HBox(8, hint, reset);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        BorderPane templatePane = new BorderPane(template, bar, null, null, null);
        tabs.getTabs().addAll(new Tab("prompt.md", prompt), new Tab("metadata.yaml", metadata),
                new Tab("Prompt template", templatePane));
        tabs.setId("generated-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    private static void show(SubmitViewModel.Generated generated, TextArea prompt, TextArea metadata) {
        prompt.setText(generated == null ? "" : generated.promptMd());
        metadata.setText(generated == null ? "" : generated.metadataYaml());
    }

    public Node node() {
        return tabs;
    }
}
