package io.taskconsole.ui.criteria;

import atlantafx.base.theme.Styles;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.Span;
import io.taskconsole.ui.preview.SpanFlow;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The acceptance criteria as a tree: id, checked state, text; click to go to the line. Under each
 * criterion, what the agent of each attempt reported of it ("#1 ✗  #2 ✓", evidence in the tooltip);
 * under the count, one line per attempt ("Attempt 2: 6/9 met").
 */
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
        Label reports = new Label();
        reports.setId("criteria-reports");
        reports.setWrapText(true);
        reports.getStyleClass().add(Styles.TEXT_SMALL);
        reports.textProperty().bind(Bindings.createStringBinding(() -> model.reports().stream()
                .map(AttemptReport::line).collect(Collectors.joining("\n")), model.reports()));
        reports.visibleProperty().bind(Bindings.isNotEmpty(model.reports()));
        reports.managedProperty().bind(reports.visibleProperty());
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
        tree.setCellFactory(view -> new CriterionCell(tree, model.reports()));
        tree.setOnMouseClicked(e -> reveal());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                reveal();
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        model.criteria().addListener((ListChangeListener<Criterion>) c -> rebuild());
        model.reports().addListener((ListChangeListener<AttemptReport>) c -> tree.refresh());
        rebuild();
        root.getChildren().addAll(summary, reports, warning, tree);
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
        private final List<AttemptReport> reports;

        CriterionCell(TreeView<Criterion> tree, List<AttemptReport> reports) {
            this.tree = tree;
            this.reports = reports;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Criterion c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                setTooltip(null);
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
            HBox under = new HBox(10, where);
            if (!reports.isEmpty()) {
                under.getChildren().add(marks(c.id()));
            }
            HBox line = new HBox(6, box, id, new VBox(1, text, under));
            setGraphic(line);
            setText(null);
            String evidence = reports.stream().map(r -> r.evidence(c.id())).collect(Collectors.joining("\n"));
            setTooltip(reports.isEmpty() ? null : new Tooltip(evidence));
            setAccessibleText(c.id() + (c.checked() ? " checked: " : ": ") + Span.plainText(c.spans())
                    + (reports.isEmpty() ? "" : ". " + evidence.replace("\n", ". ")));
        }

        /** One coloured mark per attempt, as a reader scans them: green met, red not met. */
        private HBox marks(String criterion) {
            HBox marks = new HBox(8);
            marks.getStyleClass().add("criterion-marks");
            for (AttemptReport r : reports) {
                Label mark = new Label(r.mark(criterion));
                mark.getStyleClass().addAll("criterion-mark", Styles.TEXT_SMALL, r.status(criterion).map(s -> switch (s) {
                    case MET -> Styles.SUCCESS;
                    case NOT_MET -> Styles.DANGER;
                    case PARTIAL -> Styles.WARNING;
                }).orElse(Styles.TEXT_MUTED));
                marks.getChildren().add(mark);
            }
            return marks;
        }
    }
}
