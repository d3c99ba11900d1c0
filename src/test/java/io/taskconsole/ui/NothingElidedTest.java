package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every tab of the window opened at a laptop's size (1280×800) and a desktop's (1920×1080), in
 * light and dark: no visible label, button or tab may show "…" in place of its text. The
 * screenshots it takes (target/screenshots/window-*) are the ones to look at after a layout change.
 */
@ExtendWith(ApplicationExtension.class)
class NothingElidedTest {

    private record Size(int width, int height) {
    }

    private static final List<Size> SIZES = List.of(new Size(1280, 800), new Size(1920, 1080));

    @TempDir
    Path temp;
    DesktopSession session;
    Stage stage;
    volatile boolean closed;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new DesktopSession(new StartupOptions(false, temp.resolve("workspace")), temp.resolve("config"), CoreAdapters.real());
        session.onExit(() -> closed = true);
        session.start(stage);
    }

    /** Closed as a user closes it, so nothing is still saving settings when the temp folder goes. */
    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> session.theme.choiceProperty().set(Theme.LIGHT));
        robot.interact(session::requestClose);
        waitFor("the window to close", () -> closed);
    }

    @Test
    void noTabAtEitherSizeOrThemeCutsAText(FxRobot robot) {
        waitFor("the sample task", () -> session.editor.isOpen());
        waitFor("the side and bottom panes", () -> WaitForAsyncUtils.asyncFx(() -> {
            session.window().completeLayout();
            return session.window().layoutComplete();
        }).get());
        List<String> cut = new ArrayList<>();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            for (Size size : SIZES) {
                robot.interact(() -> {
                    session.theme.choiceProperty().set(theme);
                    stage.setMaximized(false);
                    stage.setWidth(size.width());
                    stage.setHeight(size.height());
                });
                for (TabPane panes : List.of(session.window().side, session.window().bottom, session.window().workArea)) {
                    for (Tab tab : List.copyOf(panes.getTabs())) {
                        cut.addAll(openAndLook(robot, panes, tab, theme, size, ""));
                        if (tab == session.window().clusterTab) {
                            // The pane's other kind of target shows other fields: they too keep their text.
                            robot.interact(() -> session.cluster.kindProperty().set(ClusterViewModel.Kind.ORCHESTRATOR));
                            cut.addAll(openAndLook(robot, panes, tab, theme, size, " orchestrator"));
                            robot.interact(() -> session.cluster.kindProperty().set(ClusterViewModel.Kind.KUBERNETES));
                        }
                    }
                }
            }
        }
        assertThat(cut).as("controls drawn with less than their text").isEmpty();
    }

    private List<String> openAndLook(FxRobot robot, TabPane panes, Tab tab, Theme theme, Size size, String variant) {
        robot.interact(() -> {
            if (panes != session.window().workArea) {
                // The side and bottom panes are on the Task tab: on screen only while it is.
                session.window().workArea.getSelectionModel().select(0);
            }
            panes.getSelectionModel().select(tab);
        });
        waitFor(tab.getText() + "'s view", () -> tab.getContent() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String where = size.width() + "x" + size.height() + " " + theme.name().toLowerCase(Locale.ROOT) + ", tab " + tab.getText() + variant + ": ";
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            ElidedText.in(stage.getScene().getRoot()).forEach(line -> found.add(where + line));
            Screenshots.save(stage.getScene(), "window-" + size.width() + "x" + size.height() + "-"
                    + theme.name().toLowerCase(Locale.ROOT) + "-" + (tab.getText() + variant).toLowerCase(Locale.ROOT).replace(' ', '-'));
        });
        return found;
    }
}
