package io.taskconsole.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.core.TaskStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-second check for changes made by other programs, on a real task folder. */
class DiskCheckTest {

    @TempDir
    Path temp;
    Path folder;
    Notices notices;
    EditorViewModel editor;
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void openATaskLastWrittenAMinuteAgo() throws Exception {
        folder = SampleTask.create(temp.resolve("workspace")).folder();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.setLastModifiedTime(entry, FileTime.from(Instant.now().minusSeconds(60)));
            }
        }
        notices = new Notices(new AppLog(temp.resolve("log.txt")));
        editor = new EditorViewModel(countingReads(CoreAdapters.real().tasks()), BackgroundExecutor.sameThread(), notices);
        editor.open(folder, TaskFile.TASK_MD, draft -> { });
    }

    @Test
    void aFolderNobodyTouchedIsNotReadAgain() {
        editor.checkDisk();
        int afterFirstCheck = reads.get();

        editor.checkDisk();
        editor.checkDisk();

        assertThat(reads.get()).isEqualTo(afterFirstCheck);
    }

    @Test
    void aFileAnotherProgramChangedIsStillReloaded() throws Exception {
        editor.checkDisk();
        editor.checkDisk();

        Files.writeString(folder.resolve(TaskFile.TASK_MD), "# Changed elsewhere\n");
        editor.checkDisk();

        assertThat(editor.document(TaskFile.TASK_MD).orElseThrow().text()).isEqualTo("# Changed elsewhere\n");
        assertThat(notices.current().message()).contains("Reloaded task.md");
    }

    @Test
    void aMarkdownFileAddedBesideTheTaskIsOpened() throws Exception {
        editor.checkDisk();

        Files.writeString(folder.resolve("api-notes.md"), "# API notes\n");
        editor.checkDisk();

        assertThat(editor.document("api-notes.md")).hasValueSatisfying(doc -> assertThat(doc.text()).isEqualTo("# API notes\n"));
    }

    /** The store as the app uses it, counting the reads of whole task folders. */
    private TaskStore countingReads(TaskStore real) {
        return (TaskStore) Proxy.newProxyInstance(TaskStore.class.getClassLoader(), new Class<?>[] {TaskStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("load")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
