package io.taskconsole.ui.dialogs;

import io.taskconsole.task.TaskMasterImport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/**
 * Dialogs for tests: records what was asked (one line per question) and answers from a queue the
 * test fills; an empty queue answers as a user who cancels.
 */
public final class RecordingDialogs implements Dialogs {

    public final List<String> asked = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /** Queues the next answer: an Integer for choose, a Path, a String, an Input or a Choice. */
    public RecordingDialogs answer(Object next) {
        answers.add(next);
        return this;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> next() {
        return Optional.ofNullable((T) answers.poll());
    }

    @Override
    public void info(String title, String text) {
        asked.add("info " + title + ": " + text);
    }

    @Override
    public void show(String title, Node content) {
        asked.add("show " + title);
    }

    @Override
    public Optional<Integer> choose(String id, String title, String question, String text, List<String> choices) {
        asked.add("choose " + id + ": " + text + " " + choices);
        return next();
    }

    /** The changes each {@link #chooseShowingChanges} question showed, in order. */
    public final List<io.taskconsole.compare.Comparison> changesShown = new ArrayList<>();

    @Override
    public Optional<Integer> chooseShowingChanges(String id, String title, String question, String text,
                                                  io.taskconsole.compare.Comparison changes, List<String> choices) {
        asked.add("choose " + id + ": " + text + " " + choices + " showing: " + changes.summary());
        changesShown.add(changes);
        return next();
    }

    @Override
    public Optional<String> askText(String title, String question, String label, String initial) {
        asked.add("askText " + title);
        return next();
    }

    @Override
    public Optional<Path> openFile(String title, String description, String pattern) {
        asked.add("openFile " + title);
        return next();
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName) {
        asked.add("saveFile " + title);
        return next();
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        asked.add("chooseDirectory " + title);
        return next();
    }

    @Override
    public Optional<NewTaskDialog.Input> newTask(String suggestedId) {
        asked.add("newTask " + suggestedId);
        return next();
    }

    @Override
    public Optional<ImportDialog.Choice> importTasks(Path tasksJson, List<TaskMasterImport.Entry> found) {
        asked.add("importTasks " + found.size());
        return next();
    }

    @Override
    public void taskSettings(io.taskconsole.ui.settings.TaskSettingsViewModel form, String taskLabel,
                             java.util.function.Consumer<io.taskconsole.task.TaskInfo> saved) {
        asked.add("task settings: " + taskLabel);
    }
}
