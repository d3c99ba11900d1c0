package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeTest {

    @Test
    void aConsoleErrorShowsItsOneLineAndKeepsTheTraceForDetails() {
        Notice notice = Notice.error("Submitting", new CompletionException(
                TaskConsoleException.failed("Cannot reach the cluster of context 'dev'", "Check the VPN.", new IOException("refused"))));

        assertThat(notice.message()).isEqualTo("Cannot reach the cluster of context 'dev'. Check the VPN.");
        assertThat(notice.details()).contains("IOException: refused");
    }

    @Test
    void anythingElseSaysWhatWasBeingDoneAndOnlyTheFirstLineOfItsMessage() {
        Notice notice = Notice.error("Saving the log", new IllegalStateException("disk gone\nmore"));

        assertThat(notice.message()).isEqualTo("Saving the log failed: disk gone");
        assertThat(notice.message()).doesNotContain("Exception");
    }

    @Test
    void errorsAndWarningsGoToTheLogFile(@TempDir Path temp) throws Exception {
        AppLog log = new AppLog(temp.resolve("logs/task-console.log"));
        Notices notices = new Notices(log);

        notices.accept(Notice.error("Opening", new IllegalArgumentException("bad folder")));
        notices.accept(Notice.info("Saved."));

        String written = Files.readString(log.file());
        assertThat(written).contains("ERROR Opening failed: bad folder").contains("IllegalArgumentException");
        assertThat(written).doesNotContain("Saved.");
    }
}
