package io.taskconsole.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.log.LogLine;
import io.taskconsole.ui.log.LogViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission from the console with the real core and helm: the helm command line appears once
 * in the live log, once in the attempt's log file in {@code .history/}, and once in the Attempts
 * pane's log tab.
 */
class HelmCommandShownOnceTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    /** The start of helm's command line in the logs; set per test, so a missing helm skips instead of erroring. */
    private String helmLine;

    @TempDir
    Path temp;

    @Test
    void theHelmCommandIsShownOnceLiveInTheHistoryLogAndInTheAttemptsPane() throws IOException {
        RealCoreModels models = RealCoreModels.onTestApiServer(temp, SERVER, "once");
        helmLine = "$ " + ToolBinaries.helm() + " upgrade --install";
        SubmitViewModel submit = models.submit;
        LogViewModel log = models.log;

        submit.submit();

        assertThat(submit.lastOutcomeProperty().get()).as(log.text()).isNotNull();
        assertThat(submit.lastOutcomeProperty().get().succeeded()).as(log.text()).isTrue();
        assertThat(log.lines()).extracting(LogLine::plain).filteredOn(l -> l.startsWith(helmLine)).hasSize(1);
        assertThat(occurrences(historyLog(models.task.folder()))).as("the attempt log in .history/").isEqualTo(1);

        AttemptsViewModel attempts = new AttemptsViewModel(models.core.submit(), models.executor, models.editor,
                models.cluster, submit);
        attempts.refresh(false);
        assertThat(attempts.attempts()).hasSize(1);
        attempts.selectedProperty().set(attempts.attempts().get(0));
        assertThat(occurrences(attempts.logProperty().get()))
                .as("the Attempts pane's log tab").isEqualTo(1);
    }

    private static String historyLog(Path taskFolder) throws IOException {
        try (Stream<Path> logs = Files.list(taskFolder.resolve(AttemptHistory.FOLDER).resolve("logs"))) {
            List<Path> files = logs.toList();
            assertThat(files).hasSize(1);
            return Files.readString(files.get(0), StandardCharsets.UTF_8);
        }
    }

    private long occurrences(String text) {
        return text.lines().filter(l -> l.contains(helmLine)).count();
    }
}
