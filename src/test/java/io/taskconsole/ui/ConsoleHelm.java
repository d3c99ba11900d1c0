package io.taskconsole.ui;

import io.taskconsole.testkube.ToolBinaries;
import org.testfx.api.FxRobot;

/**
 * Names the tests' helm in a console's Cluster pane, as a user without helm on PATH would: the one
 * on PATH, or {@code -Dtaskconsole.helm} (the build's {@code target/test-tools/helm} when the machine
 * has none). Without it the app looks only on PATH and in the usual install folders; where no helm
 * is found at all, the calling test is skipped with the reason.
 */
final class ConsoleHelm {

    private ConsoleHelm() {
    }

    static void use(FxRobot robot, DesktopSession console) {
        String helm = ToolBinaries.helm().toString();
        robot.interact(() -> console.cluster.helmPathProperty().set(helm));
    }
}
