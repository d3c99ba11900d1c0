package io.taskconsole.ui.preview;

import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.editor.EditorViewModel;
import java.nio.file.Path;

/** The preview wired as the app wires it (real renderer, results on the FX thread) around one task in memory. Make it on the FX thread. */
final class RealPreview implements AutoCloseable {

    final BackgroundExecutor executor = BackgroundExecutor.forApp(new FxThread());
    final InMemoryTasks tasks = new InMemoryTasks();
    final EditorViewModel editor;
    final PreviewViewModel model;
    final PreviewView view;

    RealPreview(Path appLog) {
        Notices notices = new Notices(new AppLog(appLog));
        editor = new EditorViewModel(tasks, executor, notices);
        model = new PreviewViewModel(CoreAdapters.real().markdown(), executor, notices, editor);
        view = new PreviewView(model, editor);
    }

    /** Opens {@code taskMd} as task 1001's task.md and renders it. */
    void open(String title, String taskMd) {
        editor.show(tasks.add(1001, "auth-service", title, taskMd), TaskFile.TASK_MD);
        model.renderNow();
    }

    @Override
    public void close() {
        executor.close();
    }
}
