package io.taskconsole.ui.log;

import atlantafx.base.theme.Styles;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.task.AtomicFiles;
import io.taskconsole.ui.dialogs.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The log panel: a virtualized list of styled lines (only visible rows exist as nodes), a search
 * box with highlighting, copy/save/clear, and a Follow toggle that turns itself off when the user
 * scrolls up and back on at the bottom. One class for every log the console shows (helm's output,
 * an attempt's container logs); {@link Texts} names what a given one shows.
 */
public final class LogView {

    /**
     * What one log panel shows, in its words.
     *
     * @param idPrefix    the prefix of its controls' node ids ({@code log} gives {@code log-list}, {@code log-search}, ...),
     *                    so two panels in one window stay apart
     * @param what        the list's accessible name
     * @param placeholder shown while the log is empty
     * @param saveName    the file name Save suggests
     * @param cancellable shows the Cancel button (a running helm command can be cancelled; a log read cannot need it)
     * @param clearable   shows the Clear button; not for a record of the past, which Clear would only hide
     */
    public record Texts(String idPrefix, String what, String placeholder, String saveName, boolean cancellable,
                        boolean clearable) {

        /** helm's output in the main window. */
        public static final Texts HELM = new Texts("log", "helm output",
                "helm's output appears here when you submit or dry run.", "helm-output.log", true, true);
    }

    private final LogViewModel model;
    private final BackgroundExecutor executor;
    private final Notices notices;
    private final Dialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final LogLinesView list;
    private final TextField search = new TextField();
    private final Label matchLabel = new Label();
    private final Label droppedLabel = new Label();
    private final Button cancel = new Button("Cancel");
    private final Texts texts;

    public LogView(LogViewModel model, BackgroundExecutor executor, Notices notices, Dialogs dialogs) {
        this(model, executor, notices, dialogs, Texts.HELM);
    }

    public LogView(LogViewModel model, BackgroundExecutor executor, Notices notices, Dialogs dialogs, Texts texts) {
        this.texts = texts;
        this.dialogs = dialogs;
        this.model = model;
        this.executor = executor;
        this.notices = notices;
        Label placeholder = new Label(texts.placeholder());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        this.list = new LogLinesView(model.lines(), placeholder, this::paint);
        build();
    }

    public Node node() {
        return root;
    }

    public Button cancelButton() {
        return cancel;
    }

    /** Puts the cursor in the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void build() {
        list.setId(texts.idPrefix() + "-list");
        list.setAccessibleText(texts.what());
        list.getStyleClass().addAll("log-list", Styles.DENSE);
        list.setAccessibleHelp("Up and Down move between lines, Shift selects, Ctrl+A selects all, Ctrl+C copies");

        search.setId(texts.idPrefix() + "-search");
        search.setPromptText("Find in log (Ctrl+F)");
        search.setAccessibleText("Find in log");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                reveal(e.isShiftDown() ? model.previousMatch() : model.nextMatch());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setPrefColumnCount(16);
        search.setMinWidth(90);
        matchLabel.getStyleClass().add(Styles.TEXT_MUTED);
        model.matchCountProperty().addListener((o, a, b) -> updateMatchLabel());
        model.currentMatchProperty().addListener((o, a, b) -> {
            updateMatchLabel();
            list.refresh();
        });
        model.queryProperty().addListener((o, a, b) -> list.refresh());

        Button previous = flatButton("↑", "Previous match (Shift+Enter)", () -> reveal(model.previousMatch()));
        Button next = flatButton("↓", "Next match (Enter)", () -> reveal(model.nextMatch()));
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId(texts.idPrefix() + "-follow");
        follow.setTooltip(new Tooltip("Keep the newest line in view; scrolling up pauses it"));
        follow.selectedProperty().bindBidirectional(model.followTailProperty());
        Button copy = flatButton("Copy", "Copy the selected lines, or all (Ctrl+Shift+C)", this::copy);
        Button save = flatButton("Save…", "Save the log to a file", this::save);
        Button clear = flatButton("Clear", "Clear the log", model::clear);
        clear.setId(texts.idPrefix() + "-clear");
        clear.setVisible(texts.clearable());
        clear.setManaged(texts.clearable());
        cancel.setId(texts.idPrefix() + "-cancel");
        cancel.setVisible(texts.cancellable());
        cancel.setManaged(texts.cancellable());
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setTooltip(new Tooltip("Cancel the running helm command (Ctrl+.)"));
        cancel.setAccessibleText("Cancel the running submission");
        droppedLabel.getStyleClass().add(Styles.TEXT_MUTED);
        model.droppedProperty().addListener((o, a, b) -> droppedLabel.setText(
                b.longValue() == 0 ? "" : String.format(Locale.ROOT, "%,d older lines dropped", b.longValue())));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (javafx.scene.control.Control c : List.of(follow, copy, save, clear, cancel)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, search, previous, next, matchLabel, spacer, droppedLabel, follow, copy, save, clear, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(bar);
        root.setCenter(list);

        list.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy();
                e.consume();
            }
        });
        model.batchesProperty().addListener((o, a, b) -> {
            if (model.followTailProperty().get() && !model.lines().isEmpty()) {
                scrollToEnd();
            }
        });
        model.followTailProperty().addListener((o, a, on) -> {
            if (on && !model.lines().isEmpty()) {
                scrollToEnd();
            }
        });
        // Following pauses when the user scrolls away from the bottom and resumes when they return.
        list.setScrollListener(atBottom -> {
            if (atBottom != model.followTailProperty().get()) {
                model.followTailProperty().set(atBottom);
            }
        });
    }

    private void scrollToEnd() {
        list.showLast();
    }

    private void reveal(int index) {
        if (index >= 0) {
            list.reveal(index, 3);
            list.select(index);
        }
    }

    private void updateMatchLabel() {
        int count = model.matchCountProperty().get();
        if (model.queryProperty().get().isEmpty()) {
            matchLabel.setText("");
        } else if (count == 0) {
            matchLabel.setText("no match");
        } else {
            int at = model.currentMatchOrdinal();
            matchLabel.setText(at > 0 ? at + " of " + count : count + " matches");
        }
    }

    private void copy() {
        List<LogLine> selected = list.selectedLines();
        String text = selected.isEmpty() ? model.text() : model.text(selected);
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        notices.accept(Notice.info(selected.isEmpty() ? "Copied the whole log." : "Copied " + selected.size() + " lines."));
    }

    private void save() {
        Path file = dialogs.saveFile("Save log", texts.saveName()).orElse(null);
        if (file == null) {
            return;
        }
        String text = model.text();
        executor.task(() -> {
            AtomicFiles.writeString(file, text);
            return file;
        }).onSuccess(f -> notices.accept(Notice.success("Saved the log to " + f + ".")))
                .onFailure(notices.failed("Saving the log to " + file))
                .start();
    }

    /** A flat button whose tooltip is also its accessible name (the label may be a glyph such as ↑). */
    private static Button flatButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add(Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Renders one line: its styled runs, search hits highlighted, stderr and info marked by class. */
    private void paint(LogLinesView.Row row, LogLine line, int index) {
        row.styleClass().removeAll("log-stderr", "log-info", "log-current");
        if (line.stream() == OutputListener.Stream.STDERR) {
            row.styleClass().add("log-stderr");
        } else if (line.stream() == OutputListener.Stream.INFO) {
            row.styleClass().add("log-info");
        }
        if (index == model.currentMatchProperty().get()) {
            row.styleClass().add("log-current");
        }
        List<Node> runs = new ArrayList<>();
        String q = model.queryProperty().get().toLowerCase(Locale.ROOT);
        for (AnsiText.Span span : line.spans()) {
            addSpan(runs, span, q);
        }
        row.text().getChildren().setAll(runs);
    }

    private static void addSpan(List<Node> runs, AnsiText.Span span, String query) {
        String text = span.text();
        if (query.isEmpty()) {
            runs.add(styled(text, span.style(), false));
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        int hit;
        while ((hit = lower.indexOf(query, from)) >= 0) {
            if (hit > from) {
                runs.add(styled(text.substring(from, hit), span.style(), false));
            }
            runs.add(styled(text.substring(hit, hit + query.length()), span.style(), true));
            from = hit + query.length();
        }
        if (from < text.length()) {
            runs.add(styled(text.substring(from), span.style(), false));
        }
    }

    private static Node styled(String text, AnsiStyle style, boolean hit) {
        Text t = new Text(text);
        t.getStyleClass().add("log-text");
        StringBuilder css = new StringBuilder();
        if (style.foreground() != null) {
            css.append("-fx-fill: ").append(style.foreground()).append(';');
        }
        if (style.bold()) {
            css.append("-fx-font-weight: bold;");
        }
        if (style.italic()) {
            css.append("-fx-font-style: italic;");
        }
        if (style.underline()) {
            t.setUnderline(true);
        }
        if (style.faint()) {
            t.setOpacity(0.7);
        }
        if (!css.isEmpty()) {
            t.setStyle(css.toString());
        }
        if (!hit && style.background() == null) {
            return t;
        }
        Label box = new Label(null, t);
        box.getStyleClass().add(hit ? "log-hit" : "log-bg");
        if (!hit) {
            box.setStyle("-fx-background-color: " + style.background() + ";");
        }
        return box;
    }
}
