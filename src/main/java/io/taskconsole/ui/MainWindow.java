package io.taskconsole.ui;

import atlantafx.base.theme.Styles;
import io.taskconsole.ui.attempts.AttemptsView;
import io.taskconsole.ui.cluster.ClusterView;
import io.taskconsole.ui.common.AppSettings;
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
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays the parts out and gives every main action a menu item with its shortcut, a toolbar button
 * with a tooltip, and an accessible name. Holds no state of its own; {@link Console} wires actions.
 */
final class MainWindow {

    private final Console console;
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
    final Tab attemptsTab = new Tab("Attempts");
    final Button submitButton = new Button("Submit");
    private final StackPane sidePlaceholder = new StackPane();
    private final StackPane bottomPlaceholder = new StackPane();
    private boolean layoutComplete;

    MainWindow(Console console) {
        this.console = console;
        notices = new NoticeBar(console.notices);
        buildShell();
    }

    /**
     * Builds the menus, toolbar, task list, editor, the preview's place and the status bar. The first
     * frame is only a themed window saying what is happening: JavaFX maps a window after the CSS and
     * layout of everything in it, and those of the menus, toolbar and work area cost more than
     * starting JavaFX itself. Idempotent: an action that needs the work area calls it first.
     */
    void buildWorkArea() {
        if (editor != null) {
            return;
        }
        tasks = new TaskListView(console.tasks);
        editor = new EditorView(console.editor, console.submit.configMapSizeProperty(), console.criteria.criteria());
        preview = new PreviewView(console.preview, console.editor);
        root.setTop(new VBox(menuBar(), toolBar(), notices.node()));
        buildColumns();
        root.setCenter(columns);
        root.setBottom(statusBar());
    }

    boolean workAreaBuilt() {
        return editor != null;
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
        console.submit.generatedShownProperty().bind(generatedTab.selectedProperty());
        showOnFirstSelection(logTab, () -> {
            log = new LogView(console.log, console.executor, console.notices);
            log.cancelButton().setOnAction(e -> console.submit.cancel());
            log.cancelButton().disableProperty().bind(console.submit.runningProperty().not());
            return log.node();
        });
        showOnFirstSelection(problemsTab, () -> (problems = new ProblemsView(console.submit)).node());
        showOnFirstSelection(dryRunTab, () -> (dryRun = new DryRunView(console.submit)).node());
        showOnFirstSelection(generatedTab, () -> (generated = new GeneratedFilesView(console.submit)).node());
        showOnFirstSelection(criteriaTab, () -> (criteria = new CriteriaView(console.criteria)).node());
        showOnFirstSelection(outlineTab, () -> (outline = new OutlineView(console.preview)).node());
        showOnFirstSelection(clusterTab, () -> (cluster = new ClusterView(console.cluster)).node());
        showOnFirstSelection(attemptsTab, () -> (attempts = new AttemptsView(console.attempts)).node());
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
                () -> console.submit.problems().isEmpty() ? "Problems" : "Problems (" + console.submit.problems().size() + ")",
                console.submit.problems()));
        bottom.getTabs().addAll(logTab, problemsTab, dryRunTab, generatedTab);
        bottom.setId("bottom-tabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().addAll(editorAndPreview, bottomPlaceholder);
        centre.setId("centre-split");

        side.getTabs().addAll(criteriaTab, outlineTab, clusterTab, attemptsTab);
        side.setId("side-tabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        attemptsTab.selectedProperty().addListener((o, a, shown) -> console.attempts.visibleProperty().set(shown));

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

        tasks.newTaskButton().setOnAction(e -> console.newTask());
        tasks.importButton().setOnAction(e -> console.importTasks());
    }

    void restoreLayout(AppSettings settings) {
        buildWorkArea();
        columns.setDividerPositions(settings.getDouble("layout.columns.0", 0.15), settings.getDouble("layout.columns.1", 0.70));
        centre.setDividerPositions(settings.getDouble("layout.centre", 0.68));
        editorAndPreview.setDividerPositions(settings.getDouble("layout.editor", 0.5));
    }

    void rememberLayout(AppSettings settings) {
        if (!workAreaBuilt()) {
            return;
        }
        double[] c = columns.getDividerPositions();
        settings.putDouble("layout.columns.0", c[0]);
        settings.putDouble("layout.columns.1", c[1]);
        settings.putDouble("layout.centre", centre.getDividerPositions()[0]);
        settings.putDouble("layout.editor", editorAndPreview.getDividerPositions()[0]);
    }

    private Node statusBar() {
        Label workspace = new Label();
        workspace.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        workspace.textProperty().bind(Bindings.createStringBinding(() -> {
            var info = console.editor.infoProperty().get();
            return info == null ? "No task open" : "Task " + info.id() + " · " + info.service() + " · agent " + info.agent()
                    + " · model " + info.model();
        }, console.editor.infoProperty()));
        Label target = new Label();
        target.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        target.textProperty().bind(Bindings.createStringBinding(
                () -> "→ " + (console.cluster.contextProperty().get() == null || console.cluster.contextProperty().get().isBlank()
                        ? "current context" : console.cluster.contextProperty().get())
                        + " / " + console.cluster.namespaceProperty().get(),
                console.cluster.contextProperty(), console.cluster.namespaceProperty()));
        Label running = new Label("● helm running");
        running.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
        running.visibleProperty().bind(console.submit.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, workspace, spacer, running, target);
        bar.getStyleClass().add("main-status");
        bar.setStyle("-fx-padding: 3 10 3 10;");
        return bar;
    }

    private ToolBar toolBar() {
        Button save = tool("Save", "Save all files now (Ctrl+S)", console::save);
        save.setId("save");
        Button validate = tool("Validate", "List every problem before submitting (Ctrl+Shift+V)", console::validate);
        validate.setId("validate");
        Button dry = tool("Dry run", "Render the ConfigMap and helm template without a cluster (Ctrl+Shift+D)", console::dryRun);
        dry.setId("dry-run");
        dry.disableProperty().bind(console.submit.busyProperty());
        submitButton.setId("submit");
        submitButton.getStyleClass().addAll(Styles.ACCENT, "submit-button");
        submitButton.setTooltip(new Tooltip("Send the task as the next attempt (Ctrl+Enter)"));
        submitButton.setAccessibleText("Submit the task to the cluster");
        submitButton.setOnAction(e -> console.submitTask());
        submitButton.disableProperty().bind(console.submit.runningProperty());
        Button retry = tool("Retry…", "Send the selected attempt's files again (Ctrl+R)", console::retry);
        retry.setId("toolbar-retry");
        Button cancel = tool("Cancel", "Cancel the running submission (Ctrl+.)", console.submit::cancel);
        cancel.setId("toolbar-cancel");
        cancel.disableProperty().bind(console.submit.runningProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = tool("◐", "Switch light / dark (Ctrl+Shift+L)", console::toggleTheme);
        theme.setId("toggle-theme");
        theme.getStyleClass().add(Styles.FLAT);
        ToolBar bar = new ToolBar(save, validate, dry, submitButton, retry, cancel, spacer, theme);
        bar.setId("toolbar");
        return bar;
    }

    private static Button tool(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File", null,
                item("New task…", "Shortcut+N", console::newTask),
                item("Import from Task Master…", "Shortcut+I", console::importTasks),
                item("Open workspace…", "Shortcut+O", console::chooseWorkspace),
                item("Add file to task…", "Shortcut+Shift+N", () -> workArea().promptNewFile()),
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", console::save),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", console::requestClose));
        Menu task = new Menu("_Task", null,
                item("Validate", "Shortcut+Shift+V", console::validate),
                item("Dry run", "Shortcut+Shift+D", console::dryRun),
                item("Submit", "Shortcut+Enter", console::submitTask),
                item("Retry selected attempt…", "Shortcut+R", console::retry),
                item("Cancel submission", "Shortcut+PERIOD", console.submit::cancel),
                new SeparatorMenuItem(),
                item("Check connection", "Shortcut+Shift+K", () -> {
                    side.getSelectionModel().select(clusterTab);
                    console.cluster.checkConnection();
                }));
        ToggleGroup themes = new ToggleGroup();
        Menu theme = new Menu("Theme");
        for (Theme t : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(switch (t) {
                case SYSTEM -> "Follow the system";
                case LIGHT -> "Primer Light";
                case DARK -> "Primer Dark";
            });
            choice.setToggleGroup(themes);
            choice.setSelected(console.theme.choiceProperty().get() == t);
            choice.setOnAction(e -> console.theme.choiceProperty().set(t));
            console.theme.choiceProperty().addListener((o, a, b) -> choice.setSelected(b == t));
            theme.getItems().add(choice);
        }
        Menu view = new Menu("_View", null,
                item("Next file", "Shortcut+PAGE_DOWN", () -> workArea().selectNextTab(1)),
                item("Previous file", "Shortcut+PAGE_UP", () -> workArea().selectNextTab(-1)),
                item("Focus editor", "Shortcut+E", () -> workArea().focusEditor()),
                item("Find in log", "Shortcut+F", () -> {
                    completeLayout();
                    bottom.getSelectionModel().select(logTab);
                    log.focusSearch();
                }),
                item("Attempts", "Shortcut+Shift+A", () -> side.getSelectionModel().select(attemptsTab)),
                item("Refresh tasks", "F5", console.tasks::refresh),
                new SeparatorMenuItem(),
                item("Toggle light / dark", "Shortcut+Shift+L", console::toggleTheme),
                theme);
        Menu help = new Menu("_Help", null,
                item("Keyboard shortcuts", "F1", console::showShortcuts),
                item("Show log file", null, console::showLogFile),
                item("About Task Console", null, console::showAbout));
        MenuBar bar = new MenuBar(file, task, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private EditorView workArea() {
        buildWorkArea();
        return editor;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
