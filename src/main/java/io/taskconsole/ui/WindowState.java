package io.taskconsole.ui;

import io.taskconsole.ui.common.AppSettings;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, position, maximized state and split-pane dividers, kept in the
 * {@link AppSettings} between runs. A position on a screen that is no longer attached is ignored.
 */
final class WindowState {

    /** Below this the forms' labels and the work area's panes would be squeezed (see the elision test). */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    private final AppSettings settings;

    WindowState(AppSettings settings) {
        this.settings = settings;
    }

    void restore(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        double w = settings.getDouble("window.width", Math.min(1500, screen.getWidth() * 0.92));
        double h = settings.getDouble("window.height", Math.min(940, screen.getHeight() * 0.92));
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        stage.setWidth(Math.max(w, stage.getMinWidth()));
        stage.setHeight(Math.max(h, stage.getMinHeight()));
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 200), 50)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
    }

    void remember(Stage stage) {
        settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            settings.putDouble("window.width", stage.getWidth());
            settings.putDouble("window.height", stage.getHeight());
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
        }
    }

    /** Puts the dividers where they were (or at their defaults on a first run). */
    void restoreLayout(SplitPane columns, SplitPane centre, SplitPane editorAndPreview) {
        columns.setDividerPositions(settings.getDouble("layout.columns.0", 0.15), settings.getDouble("layout.columns.1", 0.70));
        centre.setDividerPositions(settings.getDouble("layout.centre", 0.68));
        editorAndPreview.setDividerPositions(settings.getDouble("layout.editor", 0.5));
    }

    void rememberLayout(SplitPane columns, SplitPane centre, SplitPane editorAndPreview) {
        double[] c = columns.getDividerPositions();
        settings.putDouble("layout.columns.0", c[0]);
        settings.putDouble("layout.columns.1", c[1]);
        settings.putDouble("layout.centre", centre.getDividerPositions()[0]);
        settings.putDouble("layout.editor", editorAndPreview.getDividerPositions()[0]);
    }
}
