package io.taskconsole.ui.editor;

import io.taskconsole.task.FolderStamp;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.markdown.Highlights;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.BackgroundTask;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.MarkdownTools;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open task: its Markdown files as {@link DocumentModel}s, autosaved through the core's
 * {@link TaskStore} (atomic writes) a moment after the last keystroke, and checked against the
 * disk so a change made by another program is noticed rather than overwritten.
 */
public final class EditorViewModel {

    /** Kubernetes refuses a ConfigMap whose data passes 1 MiB. */
    public static final Duration AUTOSAVE_DELAY = Duration.ofMillis(800);
    static final String READ_ONLY = "Read-only: open in another Task Console";

    /** A request to show a file at a line (from the outline or a criterion). */
    public record Jump(String file, int line) {
    }

    private final TaskStore store;
    /** Null where the editor shows plain text (view-model tests that have no editor view). */
    private final MarkdownTools markdown;
    private final BackgroundExecutor executor;
    private final Notices notices;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObjectProperty<TaskInfo> info = new SimpleObjectProperty<>(this, "info");
    private final ObservableList<DocumentModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty saveState = new SimpleStringProperty(this, "saveState", "");
    private final javafx.beans.property.BooleanProperty readOnly =
            new javafx.beans.property.SimpleBooleanProperty(this, "readOnly", false);
    private final ObjectProperty<Jump> jump = new SimpleObjectProperty<>(this, "jump");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final Map<DocumentModel, Debouncer> autosaves = new HashMap<>();
    private int savesInFlight;
    /**
     * The disk check in flight. A save, or another task opened, cancels it: a read begun before a
     * save may hold what that save replaced, and one of another folder is no longer this task's.
     */
    private final LatestOnly diskChecks = LatestOnly.parallel();
    /** The folder as the last disk check found it, and which folder that was. */
    private FolderStamp diskStamp;
    private Path stampedFolder;
    private final List<Runnable> whenSaved = new ArrayList<>();
    /** Where the caret places are kept between openings and runs; none in tests that do not ask. */
    private CaretMemory carets;
    private Debouncer caretSave;
    /** How long the caret rests before its place is written to the settings. */
    static final Duration CARET_SAVE_DELAY = Duration.ofSeconds(2);

    public EditorViewModel(TaskStore store, MarkdownTools markdown, BackgroundExecutor executor, Notices notices) {
        this.store = store;
        this.markdown = markdown;
        this.executor = executor;
        this.notices = notices;
        readOnly.addListener((o, was, now) -> {
            if (!now) {
                // Writable again: drafts kept while another window had the workspace are saved now.
                saveState.set(documents.stream().anyMatch(DocumentModel::isDirty) ? "Edited" : "Saved");
                new ArrayList<>(autosaves.values()).forEach(Debouncer::trigger);
            }
        });
    }

    /**
     * Remembers each file's caret and scroll place in {@code memory}: when another task is opened,
     * the task is closed, {@link #rememberCarets()} is called (the window closing), and a moment
     * after the caret stops moving, followed then by {@code save} (which writes the settings).
     */
    public void rememberCaretsIn(CaretMemory memory, Runnable save) {
        this.carets = memory;
        this.caretSave = new Debouncer(executor, CARET_SAVE_DELAY, () -> {
            rememberCarets();
            save.run();
        });
    }

    /** Puts the open task's caret places into the memory (the caller saves the settings). */
    public void rememberCarets() {
        Path dir = folder.get();
        if (carets == null || dir == null || documents.isEmpty()) {
            return;
        }
        Map<String, CaretPlace> places = new HashMap<>();
        for (DocumentModel doc : documents) {
            places.put(doc.name(), doc.placeProperty().get());
        }
        carets.remember(dir, places);
    }

    /** An editor without syntax highlighting, for tests of saving and loading. */
    public EditorViewModel(TaskStore store, BackgroundExecutor executor, Notices notices) {
        this(store, null, executor, notices);
    }

    /**
     * The syntax highlighting of {@code text}, worked out on a worker; empty when this editor
     * highlights nothing. The caller starts it (in its latest-wins slot) and applies the result.
     */
    Optional<BackgroundTask<Highlights>> highlighting(String text) {
        return markdown == null ? Optional.empty() : Optional.of(executor.computeTask(text.length(), () -> markdown.highlight(text))
                .onFailure(error -> notices.log("Highlighting the Markdown in the editor", error)));
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ReadOnlyObjectProperty<TaskInfo> infoProperty() {
        return info;
    }

    public ObservableList<DocumentModel> documents() {
        return documents;
    }

    public ObjectProperty<DocumentModel> selectedProperty() {
        return selected;
    }

    /**
     * Whether this window may not write the task files: another Task Console has the workspace. The
     * view stops typing; nothing is autosaved, so the other window's edits are never overwritten.
     */
    public javafx.beans.property.BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** "Saved", "Saving…", "Edited", or why saving failed. */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState;
    }

    public ObjectProperty<Jump> jumpProperty() {
        return jump;
    }

    /** Goes up on every edit of any file: what preview, criteria and size meter listen to. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public boolean isOpen() {
        return folder.get() != null && info.get() != null;
    }

    public Optional<DocumentModel> document(String name) {
        return documents.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Saves what is pending for the current task, then loads {@code taskFolder} in the background. */
    public void open(Path taskFolder, String selectFile, Consumer<TaskDraft> opened) {
        saveNow();
        executor.task(() -> store.load(taskFolder))
                .onSuccess(draft -> {
                    show(draft, selectFile);
                    opened.accept(draft);
                })
                .onFailure(notices.failed("Opening the task in " + taskFolder))
                .start();
    }

    /** As {@link #open open}, for a draft read already (the last task, read with the workspace at startup). */
    public void show(TaskDraft draft, String selectFile, Consumer<TaskDraft> opened) {
        saveNow();
        show(draft, selectFile);
        opened.accept(draft);
    }

    /** Shows a draft already loaded (e.g. just created). */
    public void show(TaskDraft draft, String selectFile) {
        autosaves.values().forEach(Debouncer::flush);
        autosaves.clear();
        leaveCarets();
        Map<String, CaretPlace> places = carets == null ? Map.of() : carets.places(draft.folder());
        List<DocumentModel> docs = new ArrayList<>();
        for (TaskFile file : draft.files()) {
            DocumentModel doc = new DocumentModel(file.name(), file.content());
            doc.placeProperty().set(places.getOrDefault(file.name(), CaretPlace.START));
            docs.add(track(doc));
        }
        diskChecks.cancel();
        folder.set(draft.folder());
        info.set(draft.info());
        documents.setAll(docs);
        selected.set(docs.stream().filter(d -> d.name().equals(selectFile)).findFirst()
                .orElse(docs.isEmpty() ? null : docs.get(0)));
        saveState.set(readOnly.get() ? READ_ONLY : "Saved");
        changed();
    }

    public void close() {
        saveNow();
        leaveCarets();
        autosaves.clear();
        documents.clear();
        selected.set(null);
        diskChecks.cancel();
        folder.set(null);
        info.set(null);
        changed();
    }

    /** The task being left: its places are remembered now, so a pending debounced write is not needed. */
    private void leaveCarets() {
        rememberCarets();
        if (caretSave != null) {
            caretSave.cancel();
        }
    }

    private DocumentModel track(DocumentModel doc) {
        doc.placeProperty().addListener((o, a, b) -> {
            if (caretSave != null) {
                caretSave.trigger();
            }
        });
        Debouncer autosave = new Debouncer(executor, AUTOSAVE_DELAY, () -> save(doc));
        autosaves.put(doc, autosave);
        doc.textProperty().addListener((o, a, b) -> {
            saveState.set("Edited");
            autosave.trigger();
            changed();
        });
        return doc;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** Writes every file with pending edits now (Ctrl+S, before a submission, on close). */
    public void saveNow() {
        for (Map.Entry<DocumentModel, Debouncer> e : new ArrayList<>(autosaves.entrySet())) {
            if (e.getValue().isPending()) {
                e.getValue().flush();
            } else if (e.getKey().isDirty()) {
                save(e.getKey()); // an earlier write failed (disk full, say): Ctrl+S tries again
            }
        }
    }

    /** Saves pending edits, then runs {@code then} on the UI thread once every write has finished. */
    public void saveNow(Runnable then) {
        saveNow();
        if (savesInFlight == 0) {
            then.run();
        } else {
            whenSaved.add(then);
        }
    }

    private void save(DocumentModel doc) {
        Path dir = folder.get();
        if (dir == null || !doc.isDirty()) {
            return;
        }
        if (readOnly.get()) {
            saveState.set(READ_ONLY);
            return;
        }
        String content = doc.text();
        savesInFlight++;
        diskChecks.cancel();
        saveState.set("Saving…");
        executor.task(() -> {
            store.saveFile(dir, new TaskFile(doc.name(), content));
            return content;
        }).onSuccess(written -> {
            if (dir.equals(folder.get())) {
                doc.markSaved(written);
            }
        }).onFailure(error -> {
            saveState.set("Not saved");
            notices.accept(Notice.error("Saving " + doc.name(), error));
        }).onFinally(() -> {
            savesInFlight--;
            if (savesInFlight == 0 && !"Not saved".equals(saveState.get())) {
                saveState.set(documents.stream().anyMatch(DocumentModel::isDirty) ? "Edited" : "Saved");
            }
            if (savesInFlight == 0) {
                List<Runnable> waiting = new ArrayList<>(whenSaved);
                whenSaved.clear();
                waiting.forEach(Runnable::run);
            }
        }).start();
    }

    /** Adds an extra Markdown file to the task, e.g. {@code api-notes.md}. */
    public void addFile(String name) {
        addFile(name, null);
    }

    /** Files dropped on the editor: those added as extra files, and why each other one was not. */
    private record Dropped(List<TaskFile> added, List<String> refused) {
    }

    /**
     * Adds the files dropped on the editor to the task as extra files, each copied in by the core
     * ({@link TaskStore#addExtraFile}) on a worker, and opens the last one added. Each file that is
     * not added (not Markdown, a folder, too large, a name the task already has) is named in one
     * warning with the reason and what to do; nothing the task has is replaced.
     */
    public void addDroppedFiles(List<Path> files) {
        Path dir = folder.get();
        if (dir == null || files.isEmpty()) {
            return;
        }
        if (readOnly.get()) {
            notices.accept(Notice.warning("Nothing was added: another Task Console has this workspace, so this window "
                    + "writes no files. Drop the files there, or close it and reopen the workspace here."));
            return;
        }
        List<Path> dropped = List.copyOf(files);
        executor.task(() -> {
            List<TaskFile> added = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (Path file : dropped) {
                try {
                    added.add(store.addExtraFile(dir, file));
                } catch (io.taskconsole.TaskConsoleException e) {
                    refused.add(e.oneLine());
                }
            }
            return new Dropped(added, refused);
        }).onSuccess(result -> {
            if (!dir.equals(folder.get())) {
                return; // another task was opened meanwhile: the files are in the first one's folder
            }
            DocumentModel last = null;
            for (TaskFile file : result.added()) {
                last = document(file.name()).orElse(null);
                if (last == null) {
                    last = track(new DocumentModel(file.name(), file.content()));
                    documents.add(last);
                }
            }
            if (last != null) {
                selected.set(last);
                changed();
            }
            List<String> names = result.added().stream().map(TaskFile::name).toList();
            String added = names.isEmpty() ? "" : "Added " + String.join(", ", names) + " to the task. ";
            if (result.refused().isEmpty()) {
                notices.accept(Notice.success(added.strip()));
            } else {
                notices.accept(Notice.warning(added + (result.refused().size() == 1 ? "Not added: " : "Not added (" + result.refused().size() + "): ")
                        + String.join(" | ", result.refused())));
            }
        }).onFailure(notices.failed("Adding the dropped files to the task")).start();
    }

    private void addFile(String name, String content) {
        String clean = name == null ? "" : name.strip();
        if (!clean.endsWith(".md")) {
            clean = clean + ".md";
        }
        if (!io.taskconsole.task.TaskFolder.isExtraFileName(clean)) {
            notices.accept(Notice.warning("'" + name + "' is not a usable file name. Use letters, digits, '.', '_' or '-', ending in .md."));
            return;
        }
        if (document(clean).isPresent()) {
            selected.set(document(clean).get());
            return;
        }
        String wanted = clean;
        Optional<DocumentModel> sameButCase = documents.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst();
        if (sameButCase.isPresent()) {
            notices.accept(Notice.warning("'" + clean + "' differs from '" + sameButCase.get().name()
                    + "' only in case: on macOS and Windows they are one file. Choose another name."));
            selected.set(sameButCase.get());
            return;
        }
        DocumentModel doc = track(new DocumentModel(clean, ""));
        documents.add(doc);
        selected.set(doc);
        doc.textProperty().set(content != null ? content : "# " + clean.substring(0, clean.length() - 3) + "\n\n");
        saveNow();
    }

    /** The task as it stands in the editor, including edits not yet on disk. */
    public Optional<TaskDraft> snapshot() {
        if (!isOpen()) {
            return Optional.empty();
        }
        List<TaskFile> files = documents.stream().map(d -> new TaskFile(d.name(), d.text())).toList();
        return Optional.of(new TaskDraft(folder.get(), info.get(), files));
    }

    public void jumpTo(String file, int line) {
        document(file).ifPresent(selected::set);
        // Each request is a jump, also to the line of the last one: the caret may have moved since,
        // and a property does not tell its listeners about a value equal to the one it holds.
        jump.set(null);
        jump.set(new Jump(file, line));
    }

    /**
     * Compares the open files with the disk. A file changed by another program is reloaded when the
     * console has no edits of its own; otherwise the user chooses. Runs the read in the background.
     */
    public void checkDisk() {
        Path dir = folder.get();
        if (dir == null || savesInFlight > 0) {
            return;
        }
        FolderStamp earlier = dir.equals(stampedFolder) ? diskStamp : null;
        executor.task(() -> {
                    // Stamped before the read: a change made during the read shows in the next stamp.
                    FolderStamp stamp = store.stamp(dir);
                    return new DiskLook(stamp, stamp.unchangedSince(earlier) ? null : store.load(dir));
                })
                .latestIn(diskChecks)
                .onSuccess(look -> {
                    diskStamp = look.stamp();
                    stampedFolder = dir;
                    if (look.draft() != null) {
                        reconcile(look.draft());
                    }
                })
                .onFailure(error -> notices.log("Checking " + dir + " for changes made by other programs", error))
                .start();
    }

    /** A disk check's result: the folder's stamp, and its files when the stamp could not vouch for them. */
    private record DiskLook(FolderStamp stamp, TaskDraft draft) {
    }

    private void reconcile(TaskDraft disk) {
        List<String> reloaded = new ArrayList<>();
        for (TaskFile file : disk.files()) {
            Optional<DocumentModel> open = document(file.name());
            if (open.isEmpty()) {
                documents.add(track(new DocumentModel(file.name(), file.content())));
                reloaded.add(file.name());
                continue;
            }
            DocumentModel doc = open.get();
            String content = file.content();
            if (content.equals(doc.saved()) || content.equals(doc.conflictSeen())) {
                continue;
            }
            if (content.equals(doc.text())) {
                doc.markSaved(content);
            } else if (!doc.isDirty()) {
                doc.reload(content);
                reloaded.add(file.name());
            } else {
                doc.conflictSeen(content);
                notices.accept(Notice.warning(
                        doc.name() + " was changed on disk by another program while you were editing it.",
                        new Notice.Action("Reload from disk", () -> {
                            autosaves.get(doc).cancel();
                            doc.reload(content);
                            notices.dismiss();
                        }),
                        new Notice.Action("Keep mine", () -> {
                            autosaves.get(doc).trigger();
                            autosaves.get(doc).flush();
                            notices.dismiss();
                        })));
            }
        }
        if (!disk.info().equals(info.get())) {
            info.set(disk.info());
        }
        if (!reloaded.isEmpty()) {
            changed();
            notices.accept(Notice.info("Reloaded " + String.join(", ", reloaded) + ": changed on disk by another program."));
        }
    }
}
