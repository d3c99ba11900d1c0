package io.taskconsole.ui.common;

import javafx.application.Platform;

/** Delivers to the JavaFX application thread, directly when already on it. */
public final class FxThread implements UiThread {

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
