package io.taskconsole.ui;

import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.AppSettings;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import io.taskconsole.ui.common.MonospaceFont;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.common.OsThemeDetector;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.common.ThemeController;
import io.taskconsole.ui.core.Core;
import io.taskconsole.ui.criteria.CriteriaViewModel;
import io.taskconsole.ui.dialogs.Dialogs;
import io.taskconsole.ui.dialogs.FxDialogs;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import io.taskconsole.ui.preview.PreviewViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import io.taskconsole.ui.tasks.TaskEntry;
import io.taskconsole.ui.tasks.TaskListViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * One session of the desktop app: its settings, executor and view models, the window with its
 * {@link MainActions action table}, {@link WindowState} and {@link io.taskconsole.ui.dialogs.Dialogs dialogs},
 * the order they start in, and closing. The window's first frame is only a themed window saying
 * the workspace is opening; the menus, toolbar and work area follow, and the side panes and the
 * cluster look-ups once the task is in the editor.
 * Tests start several on one JVM (a "restart"), so nothing here is static.
 */
public final class DesktopSession {

    public static final String TITLE = "Task Console";
    static final Duration DISK_CHECK = Duration.ofSeconds(2);
    /** When the first task takes longer than this to open (or there is none), the preview is built anyway. */
    static final Duration SECONDARY_AT_THE_LATEST = Duration.ofSeconds(3);
    /** When the last task takes longer than this to read, the work area is shown without it meanwhile. */
    static final Duration WORK_AREA_AT_THE_LATEST = Duration.ofMillis(700);

    final StartupOptions options;
    final AppSettings settings;
    final AppLog appLog;
    final BackgroundExecutor executor;
    final Notices notices;
    final ThemeController theme;
    final TaskListViewModel tasks;
    final EditorViewModel editor;
    final PreviewViewModel preview;
    final CriteriaViewModel criteria;
    final ClusterViewModel cluster;
    final LogViewModel log;
    final SubmitViewModel submit;
    /** Submit as the user starts it: once the task has attempts, it asks first, showing what the edits change. */
    final io.taskconsole.ui.submit.SubmitConfirmation submitEdits;
    final AttemptsViewModel attempts;
    private final Core core;
    final Dialogs dialogs;
    private final WindowState windowState;
    private ActionTable actions;
    private MainWindow window;
    private Stage stage;
    private BackgroundExecutor.Cancellable diskWatch;
    /** The workspace this window may write, or {@code null} while another Task Console has it. */
    private io.taskconsole.ui.core.TaskStore.WorkspaceHold workspaceHold;
    private boolean closing;
    private boolean editorReady;
    /** The task folder being read into the editor, or null: the list's selection does not read it twice. */
    private Path opening;
    private boolean secondaryStarted;
    private Runnable onExit = Platform::exit;
    private StartupMarkers markers = StartupMarkers.off();

    /** A settings form over the task store (see {@link MainActions}' Task settings). */
    io.taskconsole.ui.settings.TaskSettingsViewModel newTaskSettingsForm() {
        return new io.taskconsole.ui.settings.TaskSettingsViewModel(core.tasks(), executor);
    }

    public DesktopSession(StartupOptions options, Path configDir, Core core) {
        this.options = options;
        this.core = core;
        this.settings = AppSettings.load(configDir);
        this.appLog = new AppLog(configDir.resolve("logs").resolve("task-console.log"));
        this.windowState = new WindowState(settings);
        this.dialogs = new FxDialogs(() -> stage);
        this.executor = BackgroundExecutor.forApp(new FxThread());
        this.notices = new Notices(appLog);
        this.theme = new ThemeController(executor, new OsThemeDetector(), notices);
        this.tasks = new TaskListViewModel(core.tasks(), executor, notices);
        this.editor = new EditorViewModel(core.tasks(), core.markdown(), executor, notices);
        this.preview = new PreviewViewModel(core.markdown(), executor, notices, editor);
        this.criteria = new CriteriaViewModel(core.markdown(), executor, notices, editor);
        this.cluster = new ClusterViewModel(core.cluster(), executor);
        this.log = new LogViewModel(executor);
        this.submit = new SubmitViewModel(core.submit(), executor, notices, editor, cluster, log);
        this.attempts = new AttemptsViewModel(core.submit(), executor, editor, cluster, submit);
        this.submitEdits = new io.taskconsole.ui.submit.SubmitConfirmation(core.submit(), executor, editor, submit, dialogs, notices);
        criteria.followReports(core.submit(), attempts.attempts());
        cluster.restore(settings);
        editor.rememberCaretsIn(new io.taskconsole.ui.editor.CaretMemory(settings), this::saveSettingsLater);
        submit.afterSubmission(() -> attempts.refresh(true));
        // From the log's outcome to the attempt in one click: the banner offers the Attempts tab.
        submit.outcomeActions(List.of(new Notice.Action("Show attempts", () -> window().show(MainWindow.Pane.ATTEMPTS))));
    }

    /** What to do once the console has closed (the app exits; a test may do otherwise). */
    public void onExit(Runnable action) {
        this.onExit = action;
    }

    /** Where to report startup milestones (the benchmark asks for them; off by default). */
    void reportStartup(StartupMarkers markers) {
        this.markers = Objects.requireNonNull(markers);
    }

    public void start(Stage primary) {
        this.stage = primary;
        theme.start(Theme.parse(settings.get(AppSettings.THEME, "system")));
        window = new MainWindow(this);
        Scene scene = new Scene(window.root(), 1360, 860);
        scene.getStylesheets().add(Objects.requireNonNull(
                DesktopSession.class.getResource("console.css"), "console.css").toExternalForm());
        MonospaceFont.stylesheetFor(System.getProperty("os.name")).ifPresent(scene.getStylesheets()::add);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        windowState.restore(stage);
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> markers.reached("window-shown"));
        stage.show();
        editor.infoProperty().addListener((o, a, info) -> stage.setTitle(info == null ? TITLE
                : TITLE + " — #" + info.id() + " " + (info.title().isBlank() ? info.service().value() : info.title())));
        // Reading the workspace before the first frame would compete with it for the CPU (measured:
        // the window came later). The work area is put in the window when the last task has been read,
        // in the same turn as the task is put in it, so its CSS and layout are done once, with the task:
        // built first, the empty work area took a layout pass of its own and the task waited behind
        // it. Without a last task to open (a first run, an empty workspace) it is built at once, and
        // a slow disk gets it after WORK_AREA_AT_THE_LATEST, empty.
        afterFirstFrame(scene, () -> {
            readWorkspace();
            // Made while the worker reads, put in the window with the task (see MainWindow.prepareWorkArea).
            window.prepareWorkArea();
            executor.schedule(() -> executor.ui().execute(window::buildWorkArea), WORK_AREA_AT_THE_LATEST);
        });
    }

    /** Runs {@code action} once the shell's first frame has been laid out and handed to the renderer. */
    private void afterFirstFrame(Scene scene, Runnable action) {
        afterNextFrame(scene, () -> {
            markers.reached("first-frame");
            Platform.runLater(action);
        });
    }

    /**
     * Runs {@code action} right after the next frame's layout pass (asking for one): when what the
     * scene shows now has been styled, laid out and handed to the renderer, and the FX thread can
     * take a key. A runnable posted instead could run before that pass.
     */
    private static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Reads the workspace and opens its last task, in the background. The side and bottom panes,
     * the preview pane and the cluster look-ups wait until the editor shows the task, so they do not
     * compete with it for the two things startup is short of: the FX thread and CPU.
     */
    private void readWorkspace() {
        tasks.selectedProperty().addListener((o, a, entry) -> {
            if (entry != null && !entry.folder().equals(opening)
                    && (editor.folderProperty().get() == null || !entry.folder().equals(editor.folderProperty().get()))) {
                open(entry.folder());
            }
        });
        Path workspace = options.workspace() != null ? options.workspace()
                : settings.get(AppSettings.WORKSPACE).map(Path::of).orElse(StartupOptions.defaultWorkspace());
        openWorkspace(workspace, true);
        diskWatch = executor.every(() -> executor.ui().execute(editor::checkDisk), DISK_CHECK);
        executor.schedule(() -> executor.ui().execute(this::afterEditorReady), SECONDARY_AT_THE_LATEST);
    }

    /** The side and bottom panes, then the cluster look-ups; once, when the first task is in the editor. */
    private void afterEditorReady() {
        if (secondaryStarted) {
            return;
        }
        secondaryStarted = true;
        window.completeLayout();
        window.restoreLayout(windowState);
        Platform.runLater(() -> {
            window.restoreLayout(windowState);
            cluster.loadContexts();
            cluster.locateHelm();
        });
    }

    /** Shows {@code dir}'s tasks; on a first run (or the smoke test) puts the sample task there. */
    void openWorkspace(Path dir, boolean reopenLast) {
        Path workspace = dir.toAbsolutePath().normalize();
        boolean firstRun = settings.get("sample.created").isEmpty();
        Path openLast = reopenLast ? settings.get(AppSettings.OPEN_TASK).map(Path::of)
                .filter(folder -> workspace.equals(folder.getParent())).orElse(null) : null;
        releaseWorkspace();
        executor.task(() -> {
            Opened opened;
            try {
                // Taking the workspace also creates its folder (the session itself touches no files).
                opened = new Opened(workspace, core.tasks().holdWorkspace(workspace), null, null);
            } catch (io.taskconsole.TaskConsoleException e) {
                // Another Task Console autosaves here: show its tasks, write nothing.
                return new Opened(workspace, null, e, null);
            }
            List<Path> folders = core.tasks().list(workspace);
            if (options.smokeTest() || (firstRun && folders.isEmpty())) {
                core.tasks().createSample(workspace);
            }
            // The task open last time is read here too: read after this task, it waited for the FX
            // thread to hand it to another worker, and at startup that thread is busy making the window.
            return new Opened(opened.workspace(), opened.hold(), null,
                    folders.contains(openLast) ? readLastTask(openLast) : null);
        }).onSuccess(opened -> {
            Path ws = opened.workspace();
            workspaceHold = opened.hold();
            editor.readOnlyProperty().set(opened.hold() == null);
            if (opened.refused() != null) {
                notices.accept(new io.taskconsole.ui.common.Notice(io.taskconsole.ui.common.Notice.Level.WARNING, opened.refused().oneLine()
                        + " This window shows the workspace read-only.", "", List.of()));
            }
            if (opened.hold() != null) {
                settings.put("sample.created", "true");
            }
            settings.put(AppSettings.WORKSPACE, ws.toString());
            saveSettingsLater();
            tasks.workspaceProperty().set(ws);
            submit.loadTemplate(ws);
            // The task open last time is read beside the list, not after it: the list reads every task
            // folder, and the editor waited for all of them at startup (about a third of the time to it).
            if (opened.lastTask() != null) {
                editor.show(opened.lastTask(), tabToOpen(opened.lastTask().folder()), this::opened);
            } else {
                window.buildWorkArea();
            }
            tasks.refresh(entries -> selectInitial(entries, reopenLast));
        }).onFailure(error -> {
            window.buildWorkArea();
            notices.failed("Opening the workspace " + workspace).accept(error);
        }).start();
    }

    /** The last task's draft, or null when it cannot be read: then the task list's selection opens it and says why. */
    private TaskDraft readLastTask(Path folder) {
        try {
            return core.tasks().load(folder);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A workspace read in the background: held for this window, or refused because another has it. */
    private record Opened(Path workspace, io.taskconsole.ui.core.TaskStore.WorkspaceHold hold,
                          io.taskconsole.TaskConsoleException refused, TaskDraft lastTask) {
    }

    private void releaseWorkspace() {
        if (workspaceHold != null) {
            workspaceHold.close();
            workspaceHold = null;
        }
    }

    private void selectInitial(List<TaskEntry> entries, boolean reopenLast) {
        if (entries.isEmpty()) {
            editor.close();
            afterEditorReady();
            return;
        }
        Path last = reopenLast ? settings.get(AppSettings.OPEN_TASK).map(Path::of).orElse(null) : null;
        TaskEntry pick = entries.stream().filter(e -> e.folder().equals(last)).findFirst().orElse(entries.get(0));
        tasks.selectedProperty().set(pick);
    }

    private void open(Path folder) {
        opening = folder;
        editor.open(folder, tabToOpen(folder), this::opened);
    }

    /** The file whose tab was in front when {@code folder} was last open; task.md for another task. */
    private String tabToOpen(Path folder) {
        return folder.toString().equals(settings.get(AppSettings.OPEN_TASK, ""))
                ? settings.get(AppSettings.OPEN_TAB, "task.md") : "task.md";
    }

    /** A task is in the editor: at startup, the work area goes into the window with it. */
    private void opened(TaskDraft draft) {
        window.buildWorkArea(); // at startup, built here with the task in it (see start)
        opening = null;
        settings.put(AppSettings.OPEN_TASK, draft.folder().toString());
        saveSettingsLater();
        preview.renderNow();
        criteria.extractNow();
        submit.refreshGenerated();
        if (!editorReady) {
            editorReady = true;
            if (!(stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                window.editor().focusEditor();
            }
            // Marked after the frame that shows the task has been laid out: a key typed before
            // then waits for that pass, the longest piece of work on the FX thread at startup.
            // The side and bottom panes come in the frame after: in that pass they took about a
            // third of its time, and until then their places are kept empty at their sizes.
            afterNextFrame(stage.getScene(), () -> {
                markers.reached("editor-ready");
                Platform.runLater(this::afterEditorReady);
            });
        }
    }

    /** The window's one action table (menus, toolbar, shortcuts help); made once, when the menus are first built. */
    ActionTable actions() {
        if (actions == null) {
            actions = new MainActions(this).table();
        }
        return actions;
    }

    /** Closes the window; asks first while a submission runs; saves drafts and settings first. */
    public void requestClose() {
        if (closing) {
            return;
        }
        if (submit.runningProperty().get()) {
            if (!dialogs.confirm("quit-confirmation", "A submission is running", "Quit while a submission is running?",
                    "helm is still running for this task. Quitting cancels it; the attempt's ConfigMap stays "
                            + "and the next submission takes the next number.",
                    "Cancel submission and quit", "Keep running")) {
                return;
            }
            submit.cancel();
        }
        closing = true;
        if (submit.runningProperty().get()) {
            submit.runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        submit.runningProperty().removeListener(this);
                        finishClose();
                    }
                }
            });
            return;
        }
        finishClose();
    }

    /** Saves drafts, settings and layout, then exits; runs once no submission is running. */
    private void finishClose() {
        rememberWindow();
        submit.flush();
        editor.saveNow(() -> executor.task(() -> {
            settings.save();
            return true;
        }).onFailure(e -> appLog.error("Saving settings on exit", e)).onFinally(this::exit).start());
    }

    private void exit() {
        if (diskWatch != null) {
            diskWatch.cancel();
        }
        stage.hide();
        executor.close();
        releaseWorkspace();
        onExit.run();
    }

    void saveSettingsLater() {
        executor.task(() -> {
            settings.save();
            return true;
        }).onFailure(e -> appLog.error("Saving settings", e)).start();
    }

    private void rememberWindow() {
        windowState.remember(stage);
        editor.rememberCarets();
        if (editor.selectedProperty().get() != null) {
            settings.put(AppSettings.OPEN_TAB, editor.selectedProperty().get().name());
        }
        cluster.remember(settings);
        window.rememberLayout(windowState);
    }

    // ---- for the smoke test and GUI tests ----

    public Stage stage() {
        return stage;
    }

    MainWindow window() {
        return window;
    }

    public AppLog appLog() {
        return appLog;
    }

    /**
     * Calls {@code then} with the text the preview draws on screen, once a render has reached it and
     * been laid out.
     */
    public void whenPreviewShown(Consumer<String> then) {
        Objects.requireNonNull(then);
        Runnable check = new Runnable() {
            @Override
            public void run() {
                String drawn = window != null && window.workAreaBuilt() ? window.preview.drawnText() : "";
                if (!drawn.isBlank()) {
                    then.accept(drawn);
                } else {
                    executor.schedule(() -> Platform.runLater(this), Duration.ofMillis(100));
                }
            }
        };
        Platform.runLater(check);
    }
}
