package io.taskconsole.ui;

import atlantafx.base.theme.Styles;
import io.taskconsole.ui.attempts.AttemptsView;
import io.taskconsole.ui.cluster.ClusterView;
import java.util.List;
import java.util.Map;
import io.taskconsole.ui.common.NoticeBar;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.criteria.CriteriaView;
import io.taskconsole.ui.editor.EditorView;
import io.taskconsole.ui.log.LogView;
import io.taskconsole.ui.preview.OutlineView;
import io.taskconsole.ui.preview.PreviewView;
import io.taskconsole.ui.submit.DryRunView;
import io.taskconsole.ui.submit.GeneratedFilesView;
import io.taskconsole.ui.submit.ProblemsView;
import io.taskconsole.ui.tasks.TaskListView;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays the parts out: menus and toolbar (generated from the {@link ActionTable}), task list, editor,
 * preview, and the side and bottom panes, each pane's view made when its tab is first shown.
 * Holds no state of its own; {@link MainActions} declares what the menus and toolbar do.
 */
final class MainWindow {

    /** The panes an action can bring to the front. */
    enum Pane { LOG, PROBLEMS, DRY_RUN, GENERATED, CRITERIA, OUTLINE, CLUSTER, ATTEMPTS }

    private final DesktopSession session;
    private final BorderPane root = new BorderPane();
    // The work area: built by buildWorkArea() right after the window's first frame.
    TaskListView tasks;
    EditorView editor;
    PreviewView preview;
    // The side and bottom panes' views: each made when its tab is first shown (see completeLayout()).
    OutlineView outline;
    CriteriaView criteria;
    ClusterView cluster;
    LogView log;
    ProblemsView problems;
    DryRunView dryRun;
    GeneratedFilesView generated;
    AttemptsView attempts;
    final NoticeBar notices;
    final SplitPane columns = new SplitPane();
    final SplitPane centre = new SplitPane();
    final SplitPane editorAndPreview = new SplitPane();
    final TabPane bottom = new TabPane();
    final TabPane side = new TabPane();
    final Tab logTab = new Tab("Log");
    final Tab problemsTab = new Tab("Problems");
    final Tab dryRunTab = new Tab("Dry run");
    final Tab generatedTab = new Tab("Generated files");
    final Tab criteriaTab = new Tab("Criteria");
    final Tab outlineTab = new Tab("Outline");
    final Tab clusterTab = new Tab("Cluster");
    /** The main area: the task being written, and its attempts with the whole window's width. */
    final TabPane workArea = new TabPane();
    final Tab taskTab = new Tab("Task");
    final Tab attemptsTab = new Tab("Attempts");
    private final StackPane sidePlaceholder = new StackPane();
    private final StackPane bottomPlaceholder = new StackPane();
    private boolean layoutComplete;
    /** The work area's parts, made by prepareWorkArea() and put in the window by buildWorkArea(). */
    private Node workAreaTop;
    private Node statusBar;
    private boolean workAreaShown;

    MainWindow(DesktopSession session) {
        this.session = session;
        notices = new NoticeBar(session.notices);
        buildShell();
    }

    /**
     * Builds the menus, toolbar, task list, editor, the preview's place and the status bar. The first
     * frame is only a themed window saying what is happening: JavaFX maps a window after the CSS and
     * layout of everything in it, and those of the menus, toolbar and work area cost more than
     * starting JavaFX itself. Idempotent: an action that needs the work area calls it first.
     */
    void buildWorkArea() {
        prepareWorkArea();
        if (!workAreaShown) {
            workAreaShown = true;
            root.setTop(workAreaTop);
            root.setCenter(workArea);
            root.setBottom(statusBar);
        }
    }

    /**
     * Makes the work area's controls without putting them in the window. Nodes outside a scene get
     * no CSS and no layout and ask for no frame, so this can run while the task is read: the pass
     * that styles and lays them out then happens once, when {@link #buildWorkArea} puts them in
     * with the task. Idempotent.
     */
    void prepareWorkArea() {
        if (editor != null) {
            return;
        }
        tasks = new TaskListView(session.tasks);
        editor = new EditorView(session.editor, session.submit.configMapSizeProperty(), session.criteria.criteria());
        editor.rememberIn(session.settings, session::saveSettingsLater);
        preview = new PreviewView(session.preview, session.editor);
        workAreaTop = new VBox(menuBar(), session.actions().toolBar(), notices.node());
        buildColumns();
        taskTab.setContent(columns);
        taskTab.setId("task-tab");
        attemptsTab.setId("attempts-tab");
        taskTab.setTooltip(new Tooltip("Write and check the task (Ctrl+E puts the cursor in the editor)"));
        attemptsTab.setTooltip(new Tooltip("Every attempt of this task: status, log, files, transcript (Ctrl+Shift+A)"));
        workArea.getTabs().addAll(taskTab, attemptsTab);
        workArea.setId("work-area-tabs");
        workArea.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        workArea.getStyleClass().add("work-area");
        statusBar = statusBar();
    }

    /** Whether the work area is in the window (not only made). */
    boolean workAreaBuilt() {
        return workAreaShown;
    }

    /**
     * Builds the side and bottom panes and puts them in place of their empty placeholders. The
     * window is first shown without them (a JavaFX window is mapped only after the CSS and layout
     * of everything in it), so the editor is on screen sooner; call this right after. Idempotent:
     * actions that need a pane call it first.
     */
    void completeLayout() {
        if (layoutComplete) {
            return;
        }
        layoutComplete = true;
        buildWorkArea();
        session.submit.generatedShownProperty().bind(generatedTab.selectedProperty());
        showOnFirstSelection(logTab, () -> {
            log = new LogView(session.log, session.executor, session.notices, session.dialogs);
            log.cancelButton().setOnAction(e -> session.submit.cancel());
            log.cancelButton().disableProperty().bind(session.submit.runningProperty().not());
            return log.node();
        });
        showOnFirstSelection(problemsTab, () -> (problems = new ProblemsView(session.submit)).node());
        showOnFirstSelection(dryRunTab, () -> (dryRun = new DryRunView(session.submit)).node());
        showOnFirstSelection(generatedTab, () -> (generated = new GeneratedFilesView(session.submit)).node());
        showOnFirstSelection(criteriaTab, () -> (criteria = new CriteriaView(session.criteria)).node());
        showOnFirstSelection(outlineTab, () -> (outline = new OutlineView(session.preview)).node());
        showOnFirstSelection(clusterTab, () -> (cluster = new ClusterView(session.cluster, session.dialogs)).node());
        showOnFirstSelection(attemptsTab, () -> (attempts = new AttemptsView(session.attempts, session.dialogs, session.notices, session.executor)).node());
        double[] columnDividers = columns.getDividerPositions();
        double centreDivider = centre.getDividerPositions()[0];
        columns.getItems().set(2, side);
        centre.getItems().set(1, bottom);
        columns.setDividerPositions(columnDividers);
        centre.setDividerPositions(centreDivider);
        SplitPane.setResizableWithParent(side, false);
    }

    /**
     * Makes {@code tab}'s view when the tab is first shown. Until then not even its controls exist
     * (nor are their classes loaded): the tabs a user has not opened cost neither startup time nor memory.
     */
    private static void showOnFirstSelection(Tab tab, Supplier<Node> view) {
        if (tab.isSelected() || tab.getTabPane() == null) {
            tab.setContent(view.get());
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(view.get());
                }
            }
        });
    }

    boolean layoutComplete() {
        return layoutComplete;
    }

    Parent root() {
        return root;
    }

    private void buildShell() {
        root.setId("main-window");
        Label opening = new Label("Task Console — opening the workspace…");
        opening.getStyleClass().add(Styles.TEXT_MUTED);
        root.setCenter(new StackPane(opening));
    }

    private void buildColumns() {
        editorAndPreview.getItems().addAll(editor.node(), preview.node());
        editorAndPreview.setId("editor-preview-split");
        problemsTab.textProperty().bind(Bindings.createStringBinding(
                () -> session.submit.problems().isEmpty() ? "Problems" : "Problems (" + session.submit.problems().size() + ")",
                session.submit.problems()));
        bottom.getTabs().addAll(logTab, problemsTab, dryRunTab, generatedTab);
        bottom.setId("bottom-tabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().addAll(editorAndPreview, bottomPlaceholder);
        centre.setId("centre-split");

        side.getTabs().addAll(criteriaTab, outlineTab, clusterTab);
        side.setId("side-tabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        attemptsTab.selectedProperty().addListener((o, a, shown) -> session.attempts.visibleProperty().set(shown));

        // Explicit minimums: otherwise a SplitPane honours its children's content minimums and
        // a wide table or toolbar can squeeze the editor.
        ((javafx.scene.layout.Region) tasks.node()).setMinWidth(185);
        centre.setMinWidth(420);
        side.setMinWidth(240);
        sidePlaceholder.setMinWidth(240);
        editorAndPreview.setMinHeight(200);
        bottom.setMinHeight(120);
        bottomPlaceholder.setMinHeight(120);
        columns.getItems().addAll(tasks.node(), centre, sidePlaceholder);
        columns.setId("columns");
        SplitPane.setResizableWithParent(tasks.node(), false);
        SplitPane.setResizableWithParent(sidePlaceholder, false);

        tasks.newTaskButton().setOnAction(e -> session.actions().run("new-task"));
        tasks.importButton().setOnAction(e -> session.actions().run("import-tasks"));
        editor.addFileButton().setOnAction(e -> session.actions().run("add-file"));
    }

    void restoreLayout(WindowState state) {
        buildWorkArea();
        state.restoreLayout(columns, centre, editorAndPreview);
    }

    void rememberLayout(WindowState state) {
        if (workAreaBuilt()) {
            state.rememberLayout(columns, centre, editorAndPreview);
        }
    }

    /** Brings {@code pane} to the front of its tab pane, building the panes first if need be. */
    void show(Pane pane) {
        completeLayout();
        Tab tab = switch (pane) {
            case LOG -> logTab;
            case PROBLEMS -> problemsTab;
            case DRY_RUN -> dryRunTab;
            case GENERATED -> generatedTab;
            case CRITERIA -> criteriaTab;
            case OUTLINE -> outlineTab;
            case CLUSTER -> clusterTab;
            case ATTEMPTS -> attemptsTab;
        };
        if (tab != attemptsTab) {
            workArea.getSelectionModel().select(taskTab);
        }
        tab.getTabPane().getSelectionModel().select(tab);
    }

    /** Puts the task's tab in front (from the Attempts tab), so the editor can take the cursor. */
    void showTask() {
        buildWorkArea();
        workArea.getSelectionModel().select(taskTab);
    }

    /** The editor view (building the work area if need be). */
    EditorView editor() {
        buildWorkArea();
        return editor;
    }

    /** The log view; made by {@link #show show(Pane.LOG)}. */
    LogView logView() {
        return log;
    }

    /** The attempts view; made by {@link #show show(Pane.ATTEMPTS)}. */
    AttemptsView attemptsView() {
        return attempts;
    }

    private Node statusBar() {
        Label workspace = new Label();
        workspace.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        workspace.textProperty().bind(Bindings.createStringBinding(() -> {
            var info = session.editor.infoProperty().get();
            return info == null ? "No task open" : "Task " + info.id() + " · " + info.service() + " · agent " + info.agent()
                    + " · model " + info.model();
        }, session.editor.infoProperty()));
        Label target = new Label();
        target.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        target.textProperty().bind(Bindings.createStringBinding(
                () -> "→ " + (session.cluster.throughOrchestrator() ? session.cluster.describeTarget()
                        : (session.cluster.contextProperty().get() == null || session.cluster.contextProperty().get().isBlank()
                        ? "current context" : session.cluster.contextProperty().get())
                        + " / " + session.cluster.namespaceProperty().get()),
                session.cluster.contextProperty(), session.cluster.namespaceProperty(), session.cluster.kindProperty(),
                session.cluster.orchestratorUrlProperty()));
        Label running = new Label("● helm running");
        running.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
        running.visibleProperty().bind(session.submit.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, workspace, spacer, running, target);
        bar.getStyleClass().add("main-status");
        bar.setStyle("-fx-padding: 3 10 3 10;");
        return bar;
    }

    private MenuBar menuBar() {
        ToggleGroup themes = new ToggleGroup();
        Menu theme = new Menu("Theme");
        for (Theme t : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(switch (t) {
                case SYSTEM -> "Follow the system";
                case LIGHT -> "Primer Light";
                case DARK -> "Primer Dark";
            });
            choice.setToggleGroup(themes);
            choice.setSelected(session.theme.choiceProperty().get() == t);
            choice.setOnAction(e -> session.theme.choiceProperty().set(t));
            session.theme.choiceProperty().addListener((o, a, b) -> choice.setSelected(b == t));
            theme.getItems().add(choice);
        }
        return session.actions().menuBar(Map.of(AppAction.MenuGroup.VIEW, List.of(theme)));
    }
}
