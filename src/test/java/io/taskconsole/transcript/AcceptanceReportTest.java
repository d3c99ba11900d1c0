package io.taskconsole.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.CriteriaDocument;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceReportTest {

    private static final List<String> IDS = List.of("AC-1", "AC-2", "AC-3", "AC-4", "AC-4.1", "AC-4.2", "AC-5", "AC-6", "AC-7");

    @TempDir
    Path workspace;

    private static String finalText() {
        return AgentLogs.finalResult(TranscriptFixture.lines()).orElseThrow().text();
    }

    @Test
    void theRecordedSessionsReportIsReadAgainstTheSampleTasksCriteria() {
        TaskDraft sample = SampleTask.create(workspace);
        List<String> ids = new CriteriaDocument(new CriteriaExtractor().extract(sample.files())).ids();
        assertThat(ids).isEqualTo(IDS);

        AcceptanceReport report = AcceptanceReport.parse(finalText(), ids);

        assertThat(report.state()).isEqualTo(AcceptanceReport.State.PARSED);
        assertThat(report.count()).isEqualTo("6/9 met");
        assertThat(report.verdict("AC-4")).hasValue(new AcceptanceReport.Verdict("AC-4", AcceptanceReport.Status.PARTIAL,
                "both variables are read, but only at start-up"));
        assertThat(report.verdict("AC-5").orElseThrow().status()).isEqualTo(AcceptanceReport.Status.NOT_MET);
        assertThat(report.describe()).isEqualTo("6/9 met");
    }

    @Test
    void idsTheCriteriaDoNotHaveAreReportedAsUnknownAndMissingOnesAsUnreported() {
        String text = "Done.\n```acceptance-report\nAC-1: met - test A\nAC-9: met - test B\nAC-2: not met — no time\n```\n";

        AcceptanceReport report = AcceptanceReport.parse(text, List.of("AC-1", "AC-2", "AC-3"));

        assertThat(report.unknownIds()).containsExactly("AC-9");
        assertThat(report.unreported()).containsExactly("AC-3");
        // An unknown id is not counted: 1 of the 3 known criteria is met.
        assertThat(report.describe()).isEqualTo("1/3 met; unknown id AC-9; not reported: AC-3");
    }

    @Test
    void aMalformedReportIsNoReportAndSaysWhichLine() {
        String text = "```acceptance-report\nAC-1: met - ok\nAC-2: done - see tests\n```";

        AcceptanceReport report = AcceptanceReport.parse(text, IDS);

        assertThat(report.state()).isEqualTo(AcceptanceReport.State.MALFORMED);
        assertThat(report.count()).isEqualTo("no report");
        assertThat(report.describe()).isEqualTo(
                "no report: line 2 of the report, 'AC-2: done - see tests', is not 'AC-n: met|not met|partial - evidence'");
        assertThat(AcceptanceReport.parse("```acceptance-report\nAC-1: met - ok\n", IDS).describe())
                .isEqualTo("no report: the acceptance-report block is not closed with ```");
        assertThat(AcceptanceReport.parse("```acceptance-report\nAC-1: met\nAC-1: partial\n```", IDS).describe())
                .isEqualTo("no report: AC-1 is reported twice (line 2 of the report)");
        assertThat(AcceptanceReport.parse("```acceptance-report\n\n```", IDS).describe())
                .isEqualTo("no report: the acceptance-report block is empty");
    }

    @Test
    void withoutABlockThereIsNoReport() {
        AcceptanceReport report = AcceptanceReport.parse("All done: AC-1 DONE, AC-2 DONE.\n```\nAC-1: met\n```", IDS);

        assertThat(report.state()).isEqualTo(AcceptanceReport.State.ABSENT);
        assertThat(report.describe()).isEqualTo("no report: the agent's final message has no acceptance-report block");
        assertThat(AcceptanceReport.parse(null, IDS).count()).isEqualTo("no report");
    }

    @Test
    void theLastBlockCountsAndCaseAndListMarkersAreForgiven() {
        String text = "The format is:\n```acceptance-report\nAC-1: met|not met|partial - evidence\n```\n"
                + "My report:\n~~~~ acceptance-report\n- ac-1: MET: TestX\n* AC-2: Partial\n~~~~\n";

        AcceptanceReport report = AcceptanceReport.parse(text, List.of("AC-1", "AC-2"));

        assertThat(report.verdicts()).containsExactly(
                new AcceptanceReport.Verdict("AC-1", AcceptanceReport.Status.MET, "TestX"),
                new AcceptanceReport.Verdict("AC-2", AcceptanceReport.Status.PARTIAL, ""));
    }

    @Test
    void theBlockThePromptAsksForIsTheOneThatIsRead() {
        TaskDraft sample = SampleTask.create(workspace);
        String prompt = PromptTemplate.defaultTemplate().render(sample, new CriteriaExtractor().extract(sample.files()));
        // The agent fills in the block as the prompt shows it, choosing one word per line.
        String filled = prompt.substring(prompt.indexOf("```acceptance-report"))
                .replace("met|not met|partial - one line of evidence", "partial - half of it");
        filled = filled.substring(0, filled.indexOf("```", 3) + 3);

        AcceptanceReport report = AcceptanceReport.parse(filled, IDS);

        assertThat(report.parsed()).as(filled).isTrue();
        assertThat(report.verdicts()).extracting(AcceptanceReport.Verdict::id).isEqualTo(IDS);
        assertThat(report.describe()).isEqualTo("0/9 met");
    }
}
