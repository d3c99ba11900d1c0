package io.taskconsole.ui.transcript;

import atlantafx.base.theme.Styles;
import io.taskconsole.transcript.TranscriptEntry;
import io.taskconsole.transcript.TranscriptText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The agent's transcript: one block per entry (session start, text, tool call, collapsed result,
 * summary), the summary and acceptance report on top, and a Raw toggle that shows the log as written.
 */
public final class TranscriptView {

    private final TranscriptViewModel model;
    private final BorderPane root = new BorderPane();

    public TranscriptView(TranscriptViewModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setId("transcript");
        Label summary = new Label();
        summary.setId("transcript-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        Label report = new Label();
        report.setId("transcript-report");
        report.textProperty().bind(model.reportProperty());
        report.setWrapText(true);
        report.visibleProperty().bind(model.reportProperty().isNotEmpty());
        report.managedProperty().bind(report.visibleProperty());
        ToggleButton raw = new ToggleButton("Raw");
        raw.setId("transcript-raw");
        raw.setTooltip(new Tooltip("Show the log's lines exactly as the agent wrote them"));
        raw.selectedProperty().bindBidirectional(model.rawProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, summary, spacer, raw);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(2, top, report);
        bar.setPadding(new Insets(4, 6, 4, 6));

        ListView<TranscriptEntry> readable = new ListView<>(model.entries());
        readable.setId("transcript-entries");
        readable.getStyleClass().add("transcript-list");
        readable.setCellFactory(list -> new EntryCell());
        readable.setPlaceholder(new Label("No transcript."));
        ListView<String> lines = new ListView<>(model.rawLines());
        lines.setId("transcript-raw-lines");
        lines.getStyleClass().addAll("transcript-list", "monospace");
        root.setTop(bar);
        root.centerProperty().bind(javafx.beans.binding.Bindings.when(model.rawProperty())
                .<Node>then(lines).otherwise(readable));
    }

    /** An entry as text, styled by its kind: tool calls and errors stand out, unread lines look raw. */
    private static final class EntryCell extends ListCell<TranscriptEntry> {

        private static final String[] KINDS = {"transcript-session", "transcript-text", "transcript-thinking",
                "transcript-call", "transcript-result", "transcript-error", "transcript-summary", "transcript-unreadable"};

        @Override
        protected void updateItem(TranscriptEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll(KINDS);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(String.join("\n", TranscriptText.lines(entry)));
            text.setWrapText(true);
            text.setMinWidth(0);
            // A wrapped label in a list cell is otherwise cut to its first lines with an ellipsis.
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            text.getStyleClass().add("transcript-entry");
            String kind = kind(entry);
            if (!kind.equals("transcript-text") && !kind.equals("transcript-thinking") && !kind.equals("transcript-session")
                    && !kind.equals("transcript-summary")) {
                // What a tool was given or gave back, and lines as written: code, in the monospace family.
                text.getStyleClass().add("monospace");
            }
            setText(null);
            setGraphic(text);
            getStyleClass().add(kind);
        }

        private static String kind(TranscriptEntry entry) {
            if (entry instanceof TranscriptEntry.SessionStart) {
                return "transcript-session";
            } else if (entry instanceof TranscriptEntry.AssistantText) {
                return "transcript-text";
            } else if (entry instanceof TranscriptEntry.Thinking) {
                return "transcript-thinking";
            } else if (entry instanceof TranscriptEntry.ToolCall) {
                return "transcript-call";
            } else if (entry instanceof TranscriptEntry.ToolResult r) {
                return r.error() ? "transcript-error" : "transcript-result";
            } else if (entry instanceof TranscriptEntry.Result) {
                return "transcript-summary";
            }
            return "transcript-unreadable";
        }
    }
}
