package io.taskconsole.ui.criteria;

import io.taskconsole.transcript.AcceptanceReport;
import java.util.Optional;

/**
 * One attempt's acceptance report as the criteria pane shows it. {@code report} is empty while no
 * agent log with a final result was kept for the attempt; {@code problem} says why the log could
 * not be read (then there is no report either).
 */
public record AttemptReport(int attempt, Optional<AcceptanceReport> report, String problem) {

    /** The mark a criterion gets where the agent did not report it, or gave no readable report. */
    public static final String UNREPORTED = "–";

    public AttemptReport {
        report = report == null ? Optional.empty() : report;
    }

    public static AttemptReport unreadable(int attempt, String problem) {
        return new AttemptReport(attempt, Optional.empty(), problem);
    }

    private Optional<AcceptanceReport> parsed() {
        return report.filter(AcceptanceReport::parsed);
    }

    /** "#2 ✓": how the agent judged {@code id} in this attempt. */
    public String mark(String id) {
        return "#" + attempt + " " + status(id).map(AcceptanceReport.Status::mark).orElse(UNREPORTED);
    }

    public Optional<AcceptanceReport.Status> status(String id) {
        return parsed().flatMap(r -> r.verdict(id)).map(AcceptanceReport.Verdict::status);
    }

    /** "Attempt 2: partial - both variables are read…": the verdict with its evidence, or why there is none. */
    public String evidence(String id) {
        if (parsed().isEmpty()) {
            return "Attempt " + attempt + ": no report";
        }
        return parsed().flatMap(r -> r.verdict(id))
                .map(v -> "Attempt " + attempt + ": " + v.status().word() + (v.evidence().isEmpty() ? "" : " - " + v.evidence()))
                .orElse("Attempt " + attempt + ": not reported");
    }

    /** "Attempt 2: 6/8 met; unknown id AC-9", or "Attempt 1: no report: …" saying why. */
    public String line() {
        String head = "Attempt " + attempt + ": ";
        if (problem != null) {
            return head + "no report: cannot read its agent log: " + problem;
        }
        return head + report.map(AcceptanceReport::describe).orElse("no report: no agent log with a final result was kept");
    }
}
