package io.taskconsole.ui.criteria;

import atlantafx.base.theme.Styles;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.ui.preview.SpanFlow;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** The acceptance criteria as a tree: id, checked state, text; click to go to the line. */
public final class CriteriaView {

    private final CriteriaViewModel model;
    private final VBox root = new VBox(6);
    private final TreeView<Criterion> tree = new TreeView<>(new TreeItem<>());

    public CriteriaView(CriteriaViewModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setId("criteria-pane");
        root.setPadding(new Insets(6));
        Label summary = new Label();
        summary.setId("criteria-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> model.totalProperty().get() + " criteria, " + model.checkedProperty().get() + " checked",
                model.totalProperty(), model.checkedProperty()));
        Label warning = new Label("No acceptance criteria found. Add a list under a heading such as "
                + "\"## Acceptance criteria\" so the agent knows when it is done.");
        warning.setId("criteria-warning");
        warning.setWrapText(true);
        warning.getStyleClass().addAll("criteria-warning", Styles.WARNING);
        warning.visibleProperty().bind(model.missingProperty());
        warning.managedProperty().bind(model.missingProperty());

        tree.setId("criteria-tree");
        tree.setAccessibleText("Acceptance criteria");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new CriterionCell(tree));
        tree.setOnMouseClicked(e -> reveal());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                reveal();
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        model.criteria().addListener((ListChangeListener<Criterion>) c -> rebuild());
        rebuild();
        root.getChildren().addAll(summary, warning, tree);
    }

    private void reveal() {
        TreeItem<Criterion> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null) {
            model.reveal(item.getValue());
        }
    }

    private void rebuild() {
        TreeItem<Criterion> root = new TreeItem<>();
        for (Criterion c : model.criteria()) {
            root.getChildren().add(item(c));
        }
        tree.setRoot(root);
    }

    private static TreeItem<Criterion> item(Criterion criterion) {
        TreeItem<Criterion> item = new TreeItem<>(criterion);
        item.setExpanded(true);
        for (Criterion child : criterion.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    private static final class CriterionCell extends TreeCell<Criterion> {
        private final TreeView<Criterion> tree;

        CriterionCell(TreeView<Criterion> tree) {
            this.tree = tree;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Criterion c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label id = new Label(c.id());
            id.getStyleClass().addAll("criterion-id", Styles.TEXT_BOLD);
            Label box = new Label(c.checked() ? "☑" : "☐");
            box.getStyleClass().add(c.checked() ? Styles.SUCCESS : Styles.TEXT_MUTED);
            // The preview's inline looks, so `LOGIN_MAX_FAILURES` reads as code here too, not as backticks.
            TextFlow text = SpanFlow.of(c.spans(), "criterion-text");
            int depth = tree.getTreeItemLevel(getTreeItem());
            text.prefWidthProperty().bind(tree.widthProperty().subtract(110 + 18 * depth));
            text.maxWidthProperty().bind(text.prefWidthProperty());
            id.setMinWidth(Region.USE_PREF_SIZE);
            Label where = new Label(c.source() + ":" + c.line());
            where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            HBox line = new HBox(6, box, id, new VBox(1, text, where));
            setGraphic(line);
            setText(null);
            setAccessibleText(c.id() + (c.checked() ? " checked: " : ": ") + SpanFlow.plainText(c.spans()));
        }
    }
}
