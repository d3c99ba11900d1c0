package io.taskconsole.ui;

import io.taskconsole.submit.AppVersion;
import io.taskconsole.ui.common.AppSettings;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Theme;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The main window's commands: what each is called, its shortcut, when it is enabled and what it
 * does, declared once here as the window's {@link ActionTable}. A handler asks the view models to
 * work and brings the pane that shows the result to the front; it holds no state of its own.
 */
final class MainActions {

    private final DesktopSession session;

    MainActions(DesktopSession session) {
        this.session = session;
    }

    ActionTable table() {
        return new ActionTable(actionList());
    }

    private List<AppAction> actionList() {
        var file = AppAction.MenuGroup.FILE;
        var task = AppAction.MenuGroup.TASK;
        var view = AppAction.MenuGroup.VIEW;
        var help = AppAction.MenuGroup.HELP;
        var taskOpen = session.editor.folderProperty().isNotNull();
        return List.of(
                AppAction.of("new-task", file, "New task…", "Shortcut+N", "Create a task folder from the template", this::newTask),
                AppAction.of("import-tasks", file, "Import from Task Master…", "Shortcut+I",
                        "Create task folders from a Task Master tasks.json", this::importTasks),
                AppAction.of("open-workspace", file, "Open workspace…", "Shortcut+O",
                        "Choose the folder that holds your task folders", this::chooseWorkspace),
                AppAction.of("add-file", file, "Add file to task…", "Shortcut+Shift+N",
                        "Add a Markdown file to the task", this::addFile).disabledWhen(taskOpen.not()),
                AppAction.of("save", file, "Save", "Shortcut+S", "Save all files now", this::save)
                        .newSection().onToolbar(AppAction.Tool.LEFT, "Save"),
                AppAction.of("quit", file, "Quit", "Shortcut+Q", "Close the window", session::requestClose).newSection(),
                AppAction.of("validate", task, "Validate", "Shortcut+Shift+V", "List every problem before submitting",
                        this::validate).onToolbar(AppAction.Tool.LEFT, "Validate"),
                AppAction.of("dry-run", task, "Dry run", "Shortcut+Shift+D",
                        "Render the ConfigMap and helm template without a cluster", this::dryRun)
                        .disabledWhen(session.submit.busyProperty()).onToolbar(AppAction.Tool.LEFT, "Dry run"),
                AppAction.of("submit", task, "Submit", "Shortcut+Enter", "Send the task as the next attempt", this::submitTask)
                        .disabledWhen(session.submit.runningProperty()).onToolbar(AppAction.Tool.ACCENT, "Submit"),
                AppAction.of("retry-attempt", task, "Retry selected attempt…", "Shortcut+R",
                        "Send the selected attempt's files again", this::retry).onToolbar(AppAction.Tool.LEFT, "Retry…"),
                AppAction.of("cancel-submission", task, "Cancel submission", "Shortcut+PERIOD", "Cancel the running submission",
                        session.submit::cancel).disabledWhen(session.submit.runningProperty().not()).onToolbar(AppAction.Tool.LEFT, "Cancel"),
                AppAction.of("task-settings", task, "Task settings…", "Shortcut+Shift+T",
                        "Edit task.yaml's settings in a form", this::editTaskSettings).disabledWhen(taskOpen.not()).newSection(),
                AppAction.of("check-connection", task, "Check connection", "Shortcut+Shift+K",
                        "Ask the cluster whether the selected target answers", this::checkConnection),
                AppAction.of("next-file", view, "Next file", "Shortcut+PAGE_DOWN", "Show the task's next file",
                        () -> session.window().editor().selectNextTab(1)),
                AppAction.of("previous-file", view, "Previous file", "Shortcut+PAGE_UP", "Show the task's previous file",
                        () -> session.window().editor().selectNextTab(-1)),
                AppAction.of("focus-editor", view, "Focus editor", "Shortcut+E", "Show the task and put the cursor in the editor",
                        () -> {
                            session.window().showTask();
                            session.window().editor().focusEditor();
                        }),
                AppAction.of("find-in-log", view, "Find in log", "Shortcut+F", "Search helm's output", this::findInLog),
                AppAction.of("find-in-file", view, "Find in file", null,
                        "Find in the file being edited (Ctrl+F while the cursor is in the editor)",
                        () -> session.window().editor().find(false)),
                AppAction.of("replace-in-file", view, "Replace in file", "Shortcut+H", "Find and replace in the file being edited",
                        () -> session.window().editor().find(true)),
                AppAction.of("find-next", view, "Find next", "F3", "The next match in the file", () -> session.window().editor().findNext(1)),
                AppAction.of("find-previous", view, "Find previous", "Shift+F3", "The previous match in the file",
                        () -> session.window().editor().findNext(-1)),
                AppAction.of("soft-wrap", view, "Soft wrap", "Alt+Z", "Wrap long lines in the editor, or not",
                        () -> session.window().editor().toggleWrap()),
                AppAction.of("editor-font", view, "Monospaced / proportional font", "Shortcut+Shift+M",
                        "Write in a proportional font, or in the monospaced one again", () -> session.window().editor().toggleFont()),
                AppAction.of("larger-text", view, "Larger text", "Shortcut+EQUALS", "A larger font in the editor",
                        () -> session.window().editor().changeFontSize(1)),
                AppAction.of("smaller-text", view, "Smaller text", "Shortcut+MINUS", "A smaller font in the editor",
                        () -> session.window().editor().changeFontSize(-1)),
                AppAction.of("show-attempts", view, "Attempts", "Shortcut+Shift+A", "Show the task's attempts, full width",
                        () -> session.window().show(MainWindow.Pane.ATTEMPTS)),
                AppAction.of("refresh-tasks", view, "Refresh tasks", "F5", "Read the workspace's task folders again", session.tasks::refresh),
                AppAction.of("toggle-theme", view, "Toggle light / dark", "Shortcut+Shift+L", "Switch light / dark",
                        this::toggleTheme).newSection().onToolbar(AppAction.Tool.RIGHT, "◐"),
                AppAction.of("show-shortcuts", help, "Keyboard shortcuts", "F1", "List the keyboard shortcuts", this::showShortcuts),
                AppAction.of("show-log-file", help, "Show log file", null, "Show where Task Console logs errors", this::showLogFile),
                AppAction.of("about", help, "About Task Console", null, "Version and where settings are kept", this::showAbout));
    }

    private void save() {
        session.editor.saveNow(() -> session.notices.accept(Notice.success("Saved.")));
    }

    private void validate() {
        session.window().show(MainWindow.Pane.PROBLEMS);
        session.submit.validate();
    }

    private void dryRun() {
        session.window().show(MainWindow.Pane.DRY_RUN);
        session.submit.dryRun();
    }

    private void submitTask() {
        session.window().show(MainWindow.Pane.LOG);
        session.submitEdits.submit();
    }

    private void retry() {
        session.window().show(MainWindow.Pane.ATTEMPTS);
        session.window().show(MainWindow.Pane.LOG);
        session.window().attemptsView().confirmRetry();
    }

    /** The settings form (task.yaml's fields) of the task in the editor; a save reloads the task. */
    private void editTaskSettings() {
        if (!session.editor.isOpen()) {
            return;
        }
        var info = session.editor.infoProperty().get();
        var form = session.newTaskSettingsForm();
        form.load(session.editor.folderProperty().get(), info);
        session.dialogs.taskSettings(form, info.id().value() + " " + info.title(), saved -> {
            session.editor.checkDisk();
            session.tasks.refresh();
            session.notices.accept(Notice.success("Saved task.yaml."));
        });
    }

    private void checkConnection() {
        session.window().show(MainWindow.Pane.CLUSTER);
        session.cluster.checkConnection();
    }

    private void findInLog() {
        session.window().show(MainWindow.Pane.LOG);
        session.window().logView().focusSearch();
    }

    private void toggleTheme() {
        session.theme.choiceProperty().set(session.theme.darkProperty().get() ? Theme.LIGHT : Theme.DARK);
        session.settings.put(AppSettings.THEME, session.theme.choiceProperty().get().name().toLowerCase(Locale.ROOT));
        session.saveSettingsLater();
    }

    private void newTask() {
        if (session.tasks.workspaceProperty().get() == null) {
            return;
        }
        session.dialogs.newTask(session.tasks.suggestedId()).ifPresent(input ->
                session.tasks.create(input.id(), input.service(), input.title(), draft -> { }));
    }

    private void importTasks() {
        session.dialogs.openFile("Import from Task Master", "Task Master tasks.json", "*.json").ifPresent(json ->
                session.tasks.readTaskMaster(json, found -> session.dialogs.importTasks(json, found)
                        .ifPresent(choice -> session.tasks.importTaskMaster(json, choice.tasks(), choice.service()))));
    }

    private void chooseWorkspace() {
        session.dialogs.chooseDirectory("Workspace: the folder that holds your task folders", session.tasks.workspaceProperty().get())
                .ifPresent(dir -> {
                    session.editor.saveNow();
                    session.openWorkspace(dir, false);
                });
    }

    private void addFile() {
        if (session.editor.isOpen()) {
            session.dialogs.askText("Add a file", "A Markdown file that goes to the agent with task.md", "File name:", "notes.md")
                    .ifPresent(session.editor::addFile);
        }
    }

    private void showShortcuts() {
        session.dialogs.show("Keyboard shortcuts", session.actions().shortcutsTable());
    }

    private void showLogFile() {
        session.notices.accept(new Notice(Notice.Level.INFO, "Task Console's log file: " + session.appLog.file(), "", List.of(
                new Notice.Action("Copy path", () -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(session.appLog.file().toString());
                    Clipboard.getSystemClipboard().setContent(content);
                }))));
    }

    private void showAbout() {
        session.dialogs.info("About Task Console", "Task Console " + AppVersion.get()
                + "\nWrite a task for an AI coding agent, preview it and dispatch it to Kubernetes."
                + "\nSettings: " + session.settings.file() + "\nLog: " + session.appLog.file());
    }
}
