package io.taskconsole.ui.transcript;

import io.taskconsole.transcript.AcceptanceReport;
import io.taskconsole.transcript.AgentResult;
import io.taskconsole.transcript.TranscriptEntry;
import io.taskconsole.transcript.TranscriptParser;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An attempt's agent transcript for the view: the readable entries, the lines as written (Raw), the
 * summary from the final {@code result} event and the acceptance report read from it. Lines arrive
 * whole ({@link #show}) or one batch at a time while a log is followed ({@link #append}); the parser
 * keeps what a later line needs. Call on the FX thread.
 */
public final class TranscriptViewModel {

    private final ObservableList<TranscriptEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> rawLines = FXCollections.observableArrayList();
    private final BooleanProperty raw = new SimpleBooleanProperty(this, "raw");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private TranscriptParser parser = new TranscriptParser();
    private List<String> criteriaIds = List.of();

    public ObservableList<TranscriptEntry> entries() {
        return entries;
    }

    public ObservableList<String> rawLines() {
        return rawLines;
    }

    /** Raw: the log's lines exactly as written, nothing parsed. */
    public BooleanProperty rawProperty() {
        return raw;
    }

    /** "Succeeded: 19 turns, 3m 41s, $0.4821", or why there is none yet. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The acceptance report in one line ("6/9 met; not reported: AC-7"), or "no report: …". */
    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    /** A whole log, replacing what is shown; {@code criteriaIds} are what the report is read against. */
    public void show(List<String> lines, List<String> criteriaIds) {
        this.criteriaIds = List.copyOf(criteriaIds);
        parser = new TranscriptParser();
        entries.clear();
        rawLines.clear();
        summary.set("The agent has not finished: no result yet.");
        report.set("");
        append(lines);
    }

    /** Nothing to show, and why ("No agent log was kept for attempt 2."). */
    public void showNothing(String why) {
        parser = new TranscriptParser();
        entries.clear();
        rawLines.clear();
        summary.set(why);
        report.set("");
    }

    /** More lines of a followed log, in one batch. */
    public void append(List<String> lines) {
        List<TranscriptEntry> added = new ArrayList<>();
        for (String line : lines) {
            for (TranscriptEntry entry : parser.accept(line)) {
                added.add(entry);
                if (entry instanceof TranscriptEntry.Result r) {
                    finished(r.result());
                }
            }
        }
        rawLines.addAll(lines);
        entries.addAll(added);
    }

    private void finished(AgentResult result) {
        summary.set(result.describe());
        report.set("Acceptance report: " + AcceptanceReport.parse(result.text(), criteriaIds).describe());
    }
}
