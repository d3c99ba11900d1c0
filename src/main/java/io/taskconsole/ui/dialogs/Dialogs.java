package io.taskconsole.ui.dialogs;

import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.ui.settings.TaskSettingsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * Every question the console asks in a window of its own. Views and the session ask through this
 * interface, never by building a dialog, so what they do with the answer is testable with a
 * recording fake and no window. {@link FxDialogs} is the real one.
 */
public interface Dialogs {

    /** A message with an OK button. */
    void info(String title, String text);

    /** Shows {@code content} (a table, say) in a window with an OK button. */
    void show(String title, Node content);

    /**
     * Asks a question with two or more answers; the first is the default. Empty when the user
     * cancels or closes the window.
     *
     * @param id the dialog pane's node id, for the GUI tests
     * @return the index in {@code answers} of the one chosen
     */
    Optional<Integer> choose(String id, String title, String question, String text, List<String> answers);

    /**
     * As {@link #choose}, with {@code changes} shown below the text file by file (changed lines and
     * words marked, unchanged files collapsed): a question about sending files that differ from before.
     */
    Optional<Integer> chooseShowingChanges(String id, String title, String question, String text,
                                           io.taskconsole.compare.Comparison changes, List<String> answers);

    /** A yes/no question: true only when the user picks {@code yes}. */
    default boolean confirm(String id, String title, String question, String text, String yes, String no) {
        return choose(id, title, question, text, List.of(yes, no)).filter(i -> i == 0).isPresent();
    }

    /** Asks for one line of text, e.g. a file name. */
    Optional<String> askText(String title, String question, String label, String initial);

    /** Picks an existing file to open, of the kind {@code description} with the glob {@code pattern} (e.g. "*.json"). */
    Optional<Path> openFile(String title, String description, String pattern);

    /** Picks where to save a new file. */
    Optional<Path> saveFile(String title, String initialName);

    /** Picks a folder; starts in {@code initial} when it is one. */
    Optional<Path> chooseDirectory(String title, Path initial);

    /** The new-task form: id, service and title. */
    Optional<NewTaskDialog.Input> newTask(String suggestedId);

    /**
     * The task settings form over the window, for {@code form}'s task; {@code saved} gets what Save
     * wrote. Returns at once: the form is a window of its own that saves in the background.
     */
    void taskSettings(TaskSettingsViewModel form, String taskLabel, Consumer<TaskInfo> saved);

    /** The Task Master import form: which of {@code found} to import, for which service. */
    Optional<ImportDialog.Choice> importTasks(Path tasksJson, List<TaskMasterImport.Entry> found);
}
