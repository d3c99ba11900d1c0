package io.taskconsole.ui;

import atlantafx.base.theme.Styles;
import io.taskconsole.submit.ConfigMapLimits;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.editor.EditorView;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.tasks.TaskListView;
import io.taskconsole.ui.tasks.TaskListViewModel;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import org.fxmisc.richtext.CodeArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window builds its work area after its first frame while the workspace is read in the
 * background, so the task may be open before the views exist: they must show it all the same.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsBuiltLateTest {

    @TempDir
    Path temp;
    final InMemoryTasks store = new InMemoryTasks();

    @Start
    void start(Stage stage) {
        // no window: the views are built on the FX thread by each test
    }

    /** The meter shows the size validation measures (given by the submit view model), red past 1 MiB. */
    @Test
    void theSizeMeterTurnsRedPastTheConfigMapLimit(FxRobot robot) {
        TaskDraft draft = store.add(8, "billing", "Invoices", "# Invoices\n");
        EditorViewModel editor = new EditorViewModel(store, BackgroundExecutor.sameThread(), notices());
        editor.open(draft.folder(), "task.md", d -> { });
        SimpleLongProperty size = new SimpleLongProperty(2048);
        EditorView[] view = new EditorView[1];
        robot.interact(() -> {
            view[0] = new EditorView(editor, size);
            new Stage().setScene(new javafx.scene.Scene((javafx.scene.Parent) view[0].node(), 600, 400));
        });
        Label label = robot.from(view[0].node()).lookup("#size-label").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo("2.0 KiB / 1.00 MiB");
        assertThat(label.getStyleClass()).doesNotContain(Styles.DANGER);

        robot.interact(() -> size.set(ConfigMapLimits.MAX_BYTES + 1));

        assertThat(label.getStyleClass()).contains(Styles.DANGER);
        assertThat(label.getText()).isEqualTo("1.00 MiB / 1.00 MiB");
    }

    @Test
    void anEditorBuiltAfterTheTaskOpenedShowsItsFiles(FxRobot robot) {
        TaskDraft draft = store.add(7, "billing", "Invoices", "# Invoices\n\nSend one per month.\n");
        EditorViewModel editor = new EditorViewModel(store, BackgroundExecutor.sameThread(), notices());
        editor.open(draft.folder(), "task.md", d -> { });

        EditorView[] view = new EditorView[1];
        robot.interact(() -> view[0] = new EditorView(editor, new SimpleLongProperty(0)));

        assertThat(view[0].tabs().getTabs()).extracting(Tab::getText).containsExactly("task.md", "design-spec.md");
        Tab selected = view[0].tabs().getSelectionModel().getSelectedItem();
        assertThat(selected.getText()).isEqualTo("task.md");
        assertThat(((CodeArea) selected.getContent().lookup("#editor-task-md")).getText()).isEqualTo("# Invoices\n\nSend one per month.\n");
    }

    @Test
    void aTaskListBuiltAfterATaskWasChosenShowsItSelected(FxRobot robot) {
        store.add(1001, "auth-service", "Rate-limit failed logins", "#");
        store.add(1002, "billing", "Monthly invoices", "#");
        TaskListViewModel tasks = new TaskListViewModel(store, BackgroundExecutor.sameThread(), notices());
        tasks.workspaceProperty().set(Path.of("/ws"));
        tasks.refresh();
        tasks.select(tasks.visibleTasks().get(1).folder());

        TaskListView[] view = new TaskListView[1];
        robot.interact(() -> view[0] = new TaskListView(tasks));

        ListView<?> list = (ListView<?>) view[0].node().lookup("#task-list");
        assertThat(list.getSelectionModel().getSelectedItem()).isSameAs(tasks.visibleTasks().get(1));
    }

    private Notices notices() {
        return new Notices(new AppLog(temp.resolve("log.txt")));
    }
}
