package io.taskconsole.ui.attempts;

import io.taskconsole.ui.compare.DiffView;
import io.taskconsole.ui.transcript.TranscriptView;
import atlantafx.base.theme.Styles;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.dialogs.Dialogs;
import io.taskconsole.ui.log.LogView;
import javafx.scene.control.ComboBox;
import java.util.List;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The open task's attempts with their helm result and Job status; the selected one's helm log,
 * container logs, agent transcript and files below. Retry asks first, naming the context and namespace it will send to.
 */
public final class AttemptsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    /** The helm log, container log, transcript and drafts-diff tabs, always there before the attempt's files. */
    private static final int FIXED_TABS = 4;

    /** The attempt's helm log in the same log panel as the main window's helm output, apart by its ids. */
    static final LogView.Texts HELM_LOG = new LogView.Texts("attempt-log", "The selected attempt's helm log",
            "The selected attempt's helm log appears here.", "helm.log", false, false);
    /** The container log panel's words: the same log panel as helm's output, apart by its ids. */
    static final LogView.Texts CONTAINER_LOG = new LogView.Texts("container-log", "The selected attempt's container log",
            "The selected attempt's log of the chosen container appears here.", "container.log", false, true);

    private final AttemptsViewModel model;
    private final Dialogs dialogs;
    private final Notices notices;
    private final BackgroundExecutor executor;
    private final BorderPane root = new BorderPane();
    private final TableView<AttemptSummary> table = new TableView<>();
    private final Button retry = new Button("Retry");
    private final TabPane files = new TabPane();

    public AttemptsView(AttemptsViewModel model, Dialogs dialogs, Notices notices, BackgroundExecutor executor) {
        this.model = model;
        this.dialogs = dialogs;
        this.notices = notices;
        this.executor = executor;
        build();
    }

    public Node node() {
        return root;
    }

    /** Asks, then retries the selected attempt (or the newest when none is selected). */
    public void confirmRetry() {
        AttemptSummary attempt = Optional.ofNullable(model.selectedProperty().get())
                .orElse(model.attempts().isEmpty() ? null : model.attempts().get(0));
        if (attempt == null) {
            return;
        }
        AttemptsViewModel.RetryQuestion question = model.retryQuestion(attempt);
        List<String> answers = question.selectedDiffers()
                ? List.of("Retry where it went", "Retry to the selected target", "Cancel")
                : List.of("Retry", "Cancel");
        dialogs.choose("retry-confirmation", "Retry attempt " + attempt.number(), "Retry attempt " + attempt.number() + "?",
                        question.text(), answers)
                .filter(i -> i < answers.size() - 1)
                .ifPresent(i -> model.retry(attempt, i == 1));
    }

    private void build() {
        table.setId("attempts");
        table.setMinWidth(0);
        table.setAccessibleText("Attempts of this task");
        table.setItems(model.attempts());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No attempts yet. Submit (Ctrl+Enter) sends the first."));
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(column("#", a -> Integer.toString(a.number()), 30));
        table.getColumns().add(column("Time", a -> a.submittedAt() == null ? "" : TIME.format(a.submittedAt()), 115));
        table.getColumns().add(column("Context", AttemptsViewModel::where, 110));
        table.getColumns().add(column("helm", a -> a.exitCode() == null ? "—" : a.exitCode() == 0 ? "ok" : "exit " + a.exitCode(), 60));
        table.getColumns().add(column("Job", a -> (AttemptsViewModel.running(a) ? "▶ " : "") + a.job().label(), 85));
        table.getColumns().add(column("Took", a -> human(a.duration()), 50));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> {
            // A refresh that redoes the list clears the table's selection; the model keeps the attempt, so show it selected.
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });

        retry.setId("retry");
        retry.setTooltip(new Tooltip("Send the selected attempt's files again as the next attempt (Ctrl+R)"));
        retry.setAccessibleText("Retry the selected attempt");
        retry.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.attempts()));
        retry.setOnAction(e -> confirmRetry());
        Button refresh = new Button("Refresh");
        refresh.setTooltip(new Tooltip("Ask the cluster for Job status now"));
        refresh.setOnAction(e -> model.refresh(true));
        Label status = new Label();
        status.setId("attempts-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        retry.getStyleClass().add(Styles.ACCENT);
        Label title = new Label("Attempts");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox buttons = new HBox(6, title, spacer, refresh, retry);
        buttons.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(4, buttons, status);
        bar.setPadding(new Insets(6));

        files.setId("attempt-files");
        files.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab helmLog = new Tab("log", new LogView(model.helmLog(), executor, notices, dialogs, HELM_LOG).node());
        helmLog.setId("attempt-log-tab");
        helmLog.setTooltip(new Tooltip("helm's output when this attempt was submitted, as kept in the task's history"));
        files.getTabs().add(helmLog);
        files.getTabs().add(containerLogTab());
        Tab transcript = new Tab("transcript", new TranscriptView(model.transcript()).node());
        transcript.setId("attempt-transcript-tab");
        DiffView draftsDiff = new DiffView(model.draftsDiff());
        Tab drafts = new Tab("drafts vs this", draftsDiff.node());
        draftsDiff.shownProperty().bind(drafts.selectedProperty());
        drafts.setId("attempt-diff-tab");
        drafts.setTooltip(new Tooltip("What 'Submit edits' would send differently from this attempt"));
        files.getTabs().addAll(transcript, drafts);
        Label filesStatus = new Label();
        filesStatus.setId("attempt-files-status");
        filesStatus.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        filesStatus.setPadding(new Insets(2, 6, 2, 6));
        filesStatus.textProperty().bind(model.filesStatusProperty());
        filesStatus.setWrapText(true);
        filesStatus.setMinHeight(Region.USE_PREF_SIZE);
        filesStatus.visibleProperty().bind(model.filesStatusProperty().isNotEmpty());
        filesStatus.managedProperty().bind(filesStatus.visibleProperty());
        VBox.setVgrow(files, Priority.ALWAYS);
        model.filesProperty().addListener((o, a, b) -> showFiles(b));
        // The view is made when its tab is first opened: show what the model already holds.
        showFiles(model.filesProperty().get());
        SplitPane split = new SplitPane(table, new VBox(filesStatus, files));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setTop(bar);
        root.setCenter(split);
        root.visibleProperty().addListener((o, a, b) -> model.visibleProperty().set(b));
    }


    /**
     * The selected attempt's log of the chosen container, in the console's one log panel; read while the
     * tab is on screen and the Attempts view is shown.
     */
    private Tab containerLogTab() {
        ContainerLogViewModel containerLog = model.containerLog();
        ComboBox<String> chooser = new ComboBox<>(containerLog.containers());
        chooser.setId("container-chooser");
        chooser.setAccessibleText("Container whose log is shown");
        chooser.setTooltip(new Tooltip("The init containers run first, then the agent"));
        chooser.valueProperty().bindBidirectional(containerLog.containerProperty());
        Label label = new Label("Container");
        label.setLabelFor(chooser);
        Label status = new Label();
        status.setId("container-log-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.textProperty().bind(containerLog.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(6, label, chooser, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 0, 6));
        LogView view = new LogView(containerLog.log(), executor, notices, dialogs, CONTAINER_LOG);
        BorderPane pane = new BorderPane(view.node());
        pane.setTop(bar);
        Tab tab = new Tab("container log", pane);
        tab.setId("attempt-container-log-tab");
        tab.setTooltip(new Tooltip("The selected attempt's pod log, followed while it runs"));
        containerLog.activeProperty().bind(tab.selectedProperty().and(model.visibleProperty()));
        return tab;
    }

    /**
     * One read-only tab per file the attempt sent, after the log, transcript and diff tabs. A tab's
     * text area is made when the tab is first shown: a text area measures its whole text, and an
     * attempt's long spec would hold the FX thread behind a tab nobody opened.
     */
    private void showFiles(java.util.Map<String, String> sent) {
        files.getTabs().retainAll(files.getTabs().subList(0, FIXED_TABS).stream().toList());
        sent.forEach((name, text) -> {
            Tab tab = new Tab(name);
            tab.setId("attempt-file-tab-" + name.replace('.', '-'));
            tab.selectedProperty().addListener((o, was, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(fileArea(name, text));
                }
            });
            files.getTabs().add(tab);
        });
    }

    private static TextArea fileArea(String name, String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.getStyleClass().add("monospace");
        area.setWrapText(name.endsWith(".md"));
        area.setId("attempt-file-" + name.replace('.', '-'));
        return area;
    }

    static String human(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    private static TableColumn<AttemptSummary, String> column(String title,
            java.util.function.Function<AttemptSummary, String> value, double width) {
        TableColumn<AttemptSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
