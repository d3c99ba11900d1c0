package io.taskconsole.hello;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What both hello-worlds do alike: Task Console's window size, and the startup markers the benchmark
 * reads, in Task Console's format ({@code startup-marker NAME EPOCH_MS} on stdout).
 */
final class HelloWindows {

    private HelloWindows() {
    }

    /**
     * Shows {@code scene} in {@code stage} at Task Console's default size, printing the
     * {@code first-frame} and {@code window-shown} markers, then runs {@code whenShown}.
     */
    static void show(Stage stage, String title, Scene scene, Runnable whenShown) {
        stage.setTitle(title);
        stage.setScene(scene);
        sizeLikeTaskConsole(stage);
        afterNextLayout(scene, () -> marker("first-frame"));
        stage.setOnShown(event -> {
            marker("window-shown");
            whenShown.run();
        });
        stage.show();
    }

    /**
     * Task Console's default window size: with the same number of pixels to render, the memory and
     * first-frame figures compare the apps, not their window sizes.
     */
    private static void sizeLikeTaskConsole(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1500, screen.getWidth() * 0.92));
        stage.setHeight(Math.min(940, screen.getHeight() * 0.92));
    }

    static void marker(String name) {
        System.out.println("startup-marker " + name + " " + System.currentTimeMillis());
        System.out.flush();
    }

    /** Runs {@code action} once, right after the scene's next layout pass. */
    static void afterNextLayout(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
