package io.taskconsole.ui.log;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A log panel alone in a window, styled as in the console (light theme), for the log view's tests. */
final class LogViewStage {

    private LogViewStage() {
    }

    static Scene show(Stage stage, LogViewModel model, BackgroundExecutor executor, Path temp, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        LogView view = new LogView(model, executor, new Notices(new AppLog(temp.resolve("app.log"))), new RecordingDialogs());
        Scene scene = new Scene((Parent) view.node(), width, height);
        scene.getStylesheets().add(LogView.class.getResource("/io/taskconsole/ui/console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
