package io.taskconsole.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.AppSettings;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorViewModelTest {

    @TempDir
    Path temp;
    InMemoryTasks store;
    Notices notices;
    EditorViewModel editor;
    TaskDraft draft;

    @BeforeEach
    void open() {
        store = new InMemoryTasks();
        draft = store.add(7, "billing", "Invoices", "# Invoices\n");
        notices = new Notices(new AppLog(temp.resolve("log.txt")));
        editor = new EditorViewModel(store, BackgroundExecutor.sameThread(), notices);
        editor.open(draft.folder(), "task.md", d -> { });
    }

    @Test
    void opensTheFilesAndSelectsTheAskedOne() {
        assertThat(editor.documents()).extracting(DocumentModel::name).containsExactly("task.md", "design-spec.md");
        assertThat(editor.selectedProperty().get().name()).isEqualTo("task.md");
        assertThat(editor.saveStateProperty().get()).isEqualTo("Saved");
    }

    @Test
    void typingIsWrittenThroughTheStoreAndCountsWordsAndBytes() {
        DocumentModel task = editor.document("task.md").orElseThrow();
        task.textProperty().set("# Invoices\n\nSend one per month.\n");

        assertThat(store.onDisk(draft.folder(), "task.md")).isEqualTo("# Invoices\n\nSend one per month.\n");
        assertThat(task.isDirty()).isFalse();
        assertThat(task.wordsProperty().get()).isEqualTo(5);
        assertThat(task.bytesProperty().get()).isEqualTo("# Invoices\n\nSend one per month.\n".length());
        assertThat(editor.saveStateProperty().get()).isEqualTo("Saved");
    }

    @Test
    void aFailedWriteKeepsTheTextAndSaysWhy() {
        store.failWrites = true;
        DocumentModel task = editor.document("task.md").orElseThrow();
        task.textProperty().set("precious words");

        assertThat(task.isDirty()).isTrue();
        assertThat(task.text()).isEqualTo("precious words");
        assertThat(editor.saveStateProperty().get()).isEqualTo("Not saved");
        assertThat(notices.current().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(notices.current().message()).contains("disk full").contains("Free some space");
    }

    @Test
    void saveAgainAfterAFailedWriteWritesTheKeptText() {
        store.failWrites = true;
        DocumentModel task = editor.document("task.md").orElseThrow();
        task.textProperty().set("precious words");
        assertThat(editor.saveStateProperty().get()).isEqualTo("Not saved");

        store.failWrites = false; // space freed
        editor.saveNow();

        assertThat(store.onDisk(draft.folder(), "task.md")).isEqualTo("precious words");
        assertThat(task.isDirty()).isFalse();
        assertThat(editor.saveStateProperty().get()).isEqualTo("Saved");
    }

    @Test
    void aFileChangedByAnotherProgramIsReloadedWhenThereAreNoLocalEdits() {
        store.changeOnDisk(draft.folder(), "task.md", "# Changed elsewhere\n");

        editor.checkDisk();

        assertThat(editor.document("task.md").orElseThrow().text()).isEqualTo("# Changed elsewhere\n");
        assertThat(notices.current().message()).contains("Reloaded task.md");
    }

    /** A disk check that read the file just before an autosave wrote it must not bring the old text back. */
    @Test
    void aDiskCheckOvertakenByASaveNeverUndoesTheTyping() throws Exception {
        List<Runnable> deliveries = Collections.synchronizedList(new ArrayList<>());
        try (BackgroundExecutor threads = BackgroundExecutor.forApp(deliveries::add)) {
            EditorViewModel racing = new EditorViewModel(store, threads, notices);
            racing.show(draft, "task.md");
            DocumentModel task = racing.document("task.md").orElseThrow();

            racing.checkDisk();
            awaitSize(deliveries, 1);
            task.textProperty().set("# Invoices\n\nTyped while the disk was read.\n");
            racing.saveNow();
            awaitSize(deliveries, 2);
            Runnable diskRead = deliveries.get(0);
            deliveries.get(1).run();
            diskRead.run();

            assertThat(task.text()).isEqualTo("# Invoices\n\nTyped while the disk was read.\n");
            assertThat(store.onDisk(draft.folder(), "task.md")).isEqualTo(task.text());
        }
    }

    private static void awaitSize(List<Runnable> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background work never finished");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aConflictingChangeAsksInsteadOfOverwriting() {
        store.failWrites = true;
        DocumentModel task = editor.document("task.md").orElseThrow();
        task.textProperty().set("mine");
        store.failWrites = false;
        store.changeOnDisk(draft.folder(), "task.md", "theirs");

        editor.checkDisk();

        assertThat(task.text()).isEqualTo("mine");
        Notice asked = notices.current();
        assertThat(asked.level()).isEqualTo(Notice.Level.WARNING);
        assertThat(asked.actions()).extracting(Notice.Action::label).containsExactly("Reload from disk", "Keep mine");

        asked.actions().get(1).run().run();
        assertThat(store.onDisk(draft.folder(), "task.md")).isEqualTo("mine");
    }

    @Test
    void anExtraFileIsAddedSavedAndSelected() {
        editor.addFile("api notes");
        assertThat(notices.current().level()).isEqualTo(Notice.Level.WARNING);

        editor.addFile("api-notes");

        assertThat(editor.selectedProperty().get().name()).isEqualTo("api-notes.md");
        assertThat(store.onDisk(draft.folder(), "api-notes.md")).startsWith("# api-notes");
        assertThat(editor.snapshot().orElseThrow().files()).extracting(TaskFile::name).contains("api-notes.md");
    }

    @Test
    void anExtraFileWhoseNameDiffersOnlyInCaseIsRefusedNamingTheOther() {
        editor.addFile("api-notes");

        editor.addFile("API-Notes.md");

        assertThat(notices.current().level()).isEqualTo(Notice.Level.WARNING);
        assertThat(notices.current().message()).contains("'API-Notes.md' differs from 'api-notes.md' only in case");
        assertThat(editor.snapshot().orElseThrow().files()).extracting(TaskFile::name)
                .contains("api-notes.md").doesNotContain("API-Notes.md");
        assertThat(editor.selectedProperty().get().name()).isEqualTo("api-notes.md");
    }

    @Test
    void jumpingToACriterionSelectsItsFile() {
        editor.jumpTo("design-spec.md", 3);

        assertThat(editor.selectedProperty().get().name()).isEqualTo("design-spec.md");
        assertThat(editor.jumpProperty().get()).isEqualTo(new EditorViewModel.Jump("design-spec.md", 3));
    }

    @Test
    void clickingTheSameCriterionAgainJumpsAgain() {
        java.util.List<EditorViewModel.Jump> jumps = new java.util.ArrayList<>();
        editor.jumpProperty().addListener((o, a, jump) -> {
            if (jump != null) {
                jumps.add(jump);
            }
        });

        editor.jumpTo("design-spec.md", 3);
        editor.jumpTo("design-spec.md", 3); // the caret has been moved away in between

        assertThat(jumps).as("each click is a jump, even to the same line").hasSize(2);
    }

    @Test
    void eachFilesCaretPlaceIsRememberedWhenAnotherTaskOpensAndRestoredWhenItReopens() throws Exception {
        AppSettings settings = AppSettings.load(temp.resolve("config"));
        editor.rememberCaretsIn(new CaretMemory(settings), () -> { });
        TaskDraft other = store.add(8, "billing", "Refunds", "# Refunds\n");
        editor.document("task.md").orElseThrow().placeProperty().set(new CaretPlace(40, 3, 30));
        editor.document("design-spec.md").orElseThrow().placeProperty().set(new CaretPlace(2, 0, 0));

        editor.open(other.folder(), "task.md", d -> { });
        assertThat(editor.document("task.md").orElseThrow().placeProperty().get()).as("a task never opened").isEqualTo(CaretPlace.START);
        editor.document("task.md").orElseThrow().placeProperty().set(new CaretPlace(1, 1, 0));
        editor.open(draft.folder(), "task.md", d -> { });

        assertThat(editor.document("task.md").orElseThrow().placeProperty().get()).isEqualTo(new CaretPlace(40, 3, 30));
        assertThat(editor.document("design-spec.md").orElseThrow().placeProperty().get()).isEqualTo(new CaretPlace(2, 0, 0));

        // After a restart: a new editor over the settings as saved.
        settings.save();
        EditorViewModel restarted = new EditorViewModel(store, BackgroundExecutor.sameThread(), notices);
        restarted.rememberCaretsIn(new CaretMemory(AppSettings.load(temp.resolve("config"))), () -> { });
        restarted.open(other.folder(), "task.md", d -> { });
        assertThat(restarted.document("task.md").orElseThrow().placeProperty().get()).isEqualTo(new CaretPlace(1, 1, 0));
    }

    @Test
    void aCaretThatStopsMovingIsWrittenToTheSettings() {
        AppSettings settings = AppSettings.load(temp.resolve("config"));
        List<String> saved = new ArrayList<>();
        editor.rememberCaretsIn(new CaretMemory(settings), () -> saved.add(settings.get("editor.caret." + draft.folder(), "")));

        editor.document("task.md").orElseThrow().placeProperty().set(new CaretPlace(12, 4, 5));

        assertThat(saved).isNotEmpty();
        assertThat(saved.get(saved.size() - 1)).contains("task.md:12:4:5");
        assertThat(new CaretMemory(settings).places(draft.folder())).containsEntry("task.md", new CaretPlace(12, 4, 5));
    }
}
