package io.taskconsole.ui.editor;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.submit.ConfigMapLimits;
import io.taskconsole.ui.common.LazyTooltip;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import io.taskconsole.ui.common.AppSettings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The centre: one tab per Markdown file, a {@link MarkdownArea} each (highlighted, numbered), a find
 * bar over them (Ctrl+F, Ctrl+H while the editor has the focus), and a status line with the word
 * count, save state and the ConfigMap size meter (red past 1 MiB).
 */
public final class EditorView {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination WRAP = new KeyCodeCombination(KeyCode.Z, KeyCombination.ALT_DOWN);
    /** console.css's size of the editor's text, in px. */
    static final double DEFAULT_FONT = 13.5;
    private static final double MIN_FONT = 8;
    private static final double MAX_FONT = 32;

    /** The editors' text size (px), soft wrap and font (monospaced unless proportional), the same for every file. */
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", DEFAULT_FONT);
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap", true);
    private final BooleanProperty proportional = new SimpleBooleanProperty(this, "proportional", false);
    /** console.css sets the proportional font on an editor in this state (code in it stays monospaced). */
    static final PseudoClass PROPORTIONAL = PseudoClass.getPseudoClass("proportional");

    private final EditorViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<DocumentModel, Tab> tabByDoc = new HashMap<>();
    private final Map<DocumentModel, MarkdownArea> areaByDoc = new HashMap<>();
    private final Label words = new Label();
    private final ProgressBar meter = new ProgressBar(0);
    private final Label size = new Label();
    private final Label saveState = new Label();
    private final Button add = new Button("+");

    private final ReadOnlyLongProperty configMapSize;
    private final FindBar findBar = new FindBar(this::selectedArea);
    private final ObservableList<Criterion> criteria;

    /**
     * @param configMapSize the size of the ConfigMap the draft would be sent in, as validation
     *                      measures it (generated files included), for the meter
     */
    public EditorView(EditorViewModel model, ReadOnlyLongProperty configMapSize) {
        this(model, configMapSize, FXCollections.observableArrayList());
    }

    /** @param criteria the task's acceptance criteria, marked in the gutter of the lines they are written on */
    public EditorView(EditorViewModel model, ReadOnlyLongProperty configMapSize, ObservableList<Criterion> criteria) {
        this.model = model;
        this.configMapSize = configMapSize;
        this.criteria = criteria;
        build();
        criteria.addListener((ListChangeListener<Criterion>) change -> markCriteria());
        proportional.addListener((o, a, on) -> areaByDoc.values().forEach(area -> area.area().pseudoClassStateChanged(PROPORTIONAL, on)));
    }

    private void markCriteria() {
        Map<String, Map<Integer, String>> byFile = new HashMap<>();
        collect(criteria, byFile);
        areaByDoc.forEach((doc, area) -> area.markCriteria(byFile.getOrDefault(doc.name(), Map.of())));
    }

    private static void collect(List<Criterion> items, Map<String, Map<Integer, String>> byFile) {
        for (Criterion criterion : items) {
            byFile.computeIfAbsent(criterion.source(), f -> new HashMap<>()).putIfAbsent(criterion.line(), criterion.id());
            collect(criterion.children(), byFile);
        }
    }

    public Node node() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void selectNextTab(int direction) {
        int count = tabs.getTabs().size();
        if (count > 0) {
            tabs.getSelectionModel().select(Math.floorMod(tabs.getSelectionModel().getSelectedIndex() + direction, count));
        }
    }

    public void focusEditor() {
        MarkdownArea area = areaFor(model.selectedProperty().get());
        if (area != null) {
            area.focus();
        }
    }

    /** The "+" beside the file tabs; the window wires it to the Add file action. */
    public Button addFileButton() {
        return add;
    }

    private void build() {
        tabs.setId("editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        model.documents().addListener((ListChangeListener<DocumentModel>) change -> syncTabs());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null && tab.getUserData() instanceof DocumentModel doc && model.selectedProperty().get() != doc) {
                model.selectedProperty().set(doc);
            }
        });
        model.selectedProperty().addListener((o, a, doc) -> {
            Tab tab = tabByDoc.get(doc);
            if (tab != null) {
                tabs.getSelectionModel().select(tab);
            }
            bindStatus(doc);
        });
        model.jumpProperty().addListener((o, a, jump) -> {
            if (jump != null) {
                Platform.runLater(() -> reveal(jump));
            }
        });

        Label empty = new Label("Choose a task on the left, or create one with New task (Ctrl+N).");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        StackPane centre = new StackPane(empty, tabs);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(model.documents()));
        empty.visibleProperty().bind(tabs.visibleProperty().not());

        add.setId("add-file");
        add.getStyleClass().add(Styles.FLAT);
        LazyTooltip.set(add, "Add a Markdown file to the task");
        add.setAccessibleText("Add a Markdown file to the task");
        add.disableProperty().bind(tabs.visibleProperty().not());

        words.setId("word-count");
        saveState.setId("save-state");
        saveState.textProperty().bind(model.saveStateProperty());
        saveState.getStyleClass().add(Styles.TEXT_MUTED);
        meter.setId("size-meter");
        meter.setPrefWidth(80);
        meter.setMinWidth(50);
        meter.setAccessibleText("ConfigMap size");
        size.setId("size-label");
        meter.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(1.0, configMapSize.get() / (double) ConfigMapLimits.MAX_BYTES), configMapSize));
        size.textProperty().bind(Bindings.createStringBinding(
                () -> ConfigMapLimits.human(configMapSize.get()) + " / " + ConfigMapLimits.human(ConfigMapLimits.MAX_BYTES),
                configMapSize));
        BooleanBinding overLimit = configMapSize.greaterThan(ConfigMapLimits.MAX_BYTES);
        overLimit.addListener((o, a, over) -> markOver(over));
        Tooltip sizeTip = new Tooltip("The task's files and the generated prompt.md, acceptance-criteria.md and "
                + "metadata.yaml go to the agent in one ConfigMap; Kubernetes refuses more than 1 MiB. Validation "
                + "checks this same measure.");
        Tooltip.install(meter, sizeTip);
        size.setTooltip(sizeTip);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        words.setMinWidth(Region.USE_PREF_SIZE);
        saveState.setMinWidth(Region.USE_PREF_SIZE);
        size.setMinWidth(Region.USE_PREF_SIZE);
        HBox status = new HBox(8, add, words, saveState, spacer, meter, size);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(3, 8, 3, 4));
        status.getStyleClass().add("editor-status");
        root.setTop(findBar.node());
        root.setCenter(centre);
        root.setBottom(status);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKeys);
        acceptDroppedFiles();
        markOver(overLimit.get());
        // The window builds this view after its first frame; a task may already be open by then.
        syncTabs();
    }

    /**
     * Keys of the editor, wherever the focus is inside it (its text or the find bar): find and
     * replace, the font size (Ctrl+= / Ctrl+- / Ctrl+0) and soft wrap (Alt+Z).
     */
    private void editorKeys(KeyEvent e) {
        if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            changeFontSize(1);
        } else if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            changeFontSize(-1);
        } else if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
            fontSize.set(DEFAULT_FONT);
        } else if (WRAP.match(e)) {
            toggleWrap();
        } else if (FIND.match(e)) {
            findBar.open(false);
        } else if (REPLACE.match(e)) {
            findBar.open(true);
        } else if (e.getCode() == KeyCode.F3 && !e.isShortcutDown() && !e.isAltDown()) {
            findBar.step(e.isShiftDown() ? -1 : 1);
        } else {
            return;
        }
        e.consume();
    }

    /**
     * Files dropped on the editor become extra files of the task (the view model says which were not
     * and why). Filters, so the text area does not take a file drop for a text drop; text dragged
     * inside the editor carries no files and is left to it.
     */
    private void acceptDroppedFiles() {
        root.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (model.isOpen() && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        root.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (model.isOpen() && e.getDragboard().hasFiles()) {
                model.addDroppedFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    private CodeArea selectedArea() {
        MarkdownArea area = areaFor(model.selectedProperty().get());
        return area == null ? null : area.area();
    }

    /** Opens the find bar on the file being edited (Ctrl+F in the editor), with the replace row for Ctrl+H. */
    public void find(boolean withReplace) {
        findBar.open(withReplace);
    }

    /** F3 (1) / Shift+F3 (-1): the next or previous match of the find bar's query. */
    public void findNext(int direction) {
        findBar.step(direction);
    }

    /** Soft wrap on or off, for every file. */
    public void toggleWrap() {
        wrap.set(!wrap.get());
    }

    /** A proportional font for every file, or the monospaced one again. */
    public void toggleFont() {
        proportional.set(!proportional.get());
    }

    /** Whether the editors write in a proportional font (else monospaced). */
    public BooleanProperty proportionalProperty() {
        return proportional;
    }

    /**
     * Takes the font, its size and soft wrap from {@code settings} and writes them back there on each
     * change, followed by {@code save} (which writes the settings file off the FX thread).
     */
    public void rememberIn(AppSettings settings, Runnable save) {
        proportional.set("proportional".equals(settings.get(AppSettings.EDITOR_FONT, "monospaced")));
        fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, settings.getDouble(AppSettings.EDITOR_FONT_SIZE, DEFAULT_FONT))));
        wrap.set(Boolean.parseBoolean(settings.get(AppSettings.EDITOR_WRAP, "true")));
        proportional.addListener((o, a, on) -> {
            settings.put(AppSettings.EDITOR_FONT, on ? "proportional" : "monospaced");
            save.run();
        });
        fontSize.addListener((o, a, px) -> {
            settings.putDouble(AppSettings.EDITOR_FONT_SIZE, px.doubleValue());
            save.run();
        });
        wrap.addListener((o, a, on) -> {
            settings.put(AppSettings.EDITOR_WRAP, Boolean.toString(on));
            save.run();
        });
    }

    /** The editors' text a pixel larger (1) or smaller (-1), within 8–32 px. */
    public void changeFontSize(int step) {
        fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize.get() + step)));
    }

    private void markOver(boolean over) {
        meter.getStyleClass().remove("over-limit");
        size.getStyleClass().remove(Styles.DANGER);
        if (over) {
            meter.getStyleClass().add("over-limit");
            size.getStyleClass().add(Styles.DANGER);
        }
    }

    private void bindStatus(DocumentModel doc) {
        words.textProperty().unbind();
        if (doc == null) {
            words.setText("");
            return;
        }
        words.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d words", doc.wordsProperty().get()),
                doc.wordsProperty()));
    }

    private void syncTabs() {
        tabByDoc.keySet().retainAll(model.documents());
        areaByDoc.keySet().retainAll(model.documents());
        java.util.List<Tab> ordered = new java.util.ArrayList<>();
        for (DocumentModel doc : model.documents()) {
            ordered.add(tabByDoc.computeIfAbsent(doc, this::tabFor));
        }
        tabs.getTabs().setAll(ordered);
        Tab selected = tabByDoc.get(model.selectedProperty().get());
        if (selected != null) {
            tabs.getSelectionModel().select(selected);
            areaFor(model.selectedProperty().get());
        }
        bindStatus(model.selectedProperty().get());
    }

    /**
     * A file's tab. Its editor is made when the tab is first shown: a {@code CodeArea} with its
     * gutter and highlighting is hundreds of nodes to make, style and lay out, and a task opens on
     * one of its files.
     */
    private Tab tabFor(DocumentModel doc) {
        Tab tab = new Tab();
        tab.setUserData(doc);
        tab.textProperty().bind(Bindings.when(doc.dirtyProperty()).then("● " + doc.name()).otherwise(doc.name()));
        tab.setTooltip(new Tooltip(doc.name() + " — Ctrl+PgDn / Ctrl+PgUp switch files"));
        tab.selectedProperty().addListener((o, was, shown) -> {
            if (shown && tabByDoc.get(doc) == tab) {
                areaFor(doc);
            }
        });
        return tab;
    }

    /** {@code doc}'s editor, made and put in its tab the first time it is asked for; null for a file without a tab. */
    private MarkdownArea areaFor(DocumentModel doc) {
        MarkdownArea existing = areaByDoc.get(doc);
        Tab tab = tabByDoc.get(doc);
        if (existing != null || tab == null) {
            return existing;
        }
        MarkdownArea area = new MarkdownArea(doc, model);
        areaByDoc.put(doc, area);
        // Read-only while another Task Console holds the workspace: no typing, so no autosave to race.
        area.area().editableProperty().bind(model.readOnlyProperty().not());
        area.area().wrapTextProperty().bind(wrap);
        area.area().pseudoClassStateChanged(PROPORTIONAL, proportional.get());
        area.area().styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize.get()), fontSize));
        if (criteria != null) {
            Map<String, Map<Integer, String>> byFile = new HashMap<>();
            collect(criteria, byFile);
            area.markCriteria(byFile.getOrDefault(doc.name(), Map.of()));
        }
        tab.setContent(area.node());
        return area;
    }

    private void reveal(EditorViewModel.Jump jump) {
        DocumentModel doc = model.document(jump.file()).orElse(null);
        Tab tab = tabByDoc.get(doc);
        if (tab == null) {
            return;
        }
        tabs.getSelectionModel().select(tab);
        areaFor(doc).reveal(jump.line());
    }
}
