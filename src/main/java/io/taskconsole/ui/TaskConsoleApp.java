package io.taskconsole.ui;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.AppSettings;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop console's entry point. It installs the one uncaught-exception handler (log file plus
 * banner, never a stack-trace dialog), starts a {@link DesktopSession}, and runs the smoke test when asked.
 */
public class TaskConsoleApp extends Application {

    public static void launchApp(String[] args) {
        configureJavaFx();
        try {
            Application.launch(TaskConsoleApp.class, args);
        } catch (UnsupportedOperationException e) {
            // GTK found no display (no DISPLAY or WAYLAND_DISPLAY, or nothing listening there): JavaFX
            // says so in a stack trace. Say it in one line, with what to do instead; any other failure
            // keeps its own trace rather than being called a missing display.
            if (e.getMessage() == null || !e.getMessage().contains("DISPLAY")) {
                throw e;
            }
            System.err.println("task-console: the window cannot open: " + e.getMessage() + " (no graphical display here)."
                    + " Start it from a desktop session, or use its command line (run it with --help for the commands).");
            System.exit(1);
        }
    }

    /**
     * JavaFX settings the console starts with, where the user has not set them; call before JavaFX
     * starts. Region caching off: JavaFX draws the backgrounds of rounded controls once into a shared
     * texture, and with software rendering (no GPU, a VM, a remote desktop) that texture is an 8 MB
     * array on the Java heap that is never freed (8 of the idle app's 200 MiB). Drawing them each
     * frame instead measured no slower in the bench (typing, log panel, agent log) and 8 MiB smaller.
     */
    public static void configureJavaFx() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }

    @Override
    public void start(Stage stage) {
        StartupOptions options;
        try {
            options = StartupOptions.parse(getParameters().getRaw());
        } catch (TaskConsoleException e) {
            System.err.println("task-console: " + e.oneLine());
            Platform.exit();
            System.exit(e.exitCode());
            return;
        }
        Path configDir = AppSettings.defaultConfigDir();
        DesktopSession session;
        try {
            session = new DesktopSession(options, configDir, CoreAdapters.real());
            installErrorHandler(session);
            session.reportStartup(StartupMarkers.fromSystem());
            session.start(stage);
        } catch (RuntimeException e) {
            new AppLog(configDir.resolve("logs").resolve("task-console.log")).error("Startup failed", e);
            System.err.println("task-console: the window could not start: " + Notice.error("Starting", e).message());
            Platform.exit();
            System.exit(1);
            return;
        }
        if (options.smokeTest()) {
            new SmokeTest(session).run();
        }
    }

    private static void installErrorHandler(DesktopSession session) {
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            session.appLog().error("Uncaught on " + thread.getName(), error);
            Platform.runLater(() -> session.notices.accept(Notice.error("Something unexpected", error)));
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }
}
