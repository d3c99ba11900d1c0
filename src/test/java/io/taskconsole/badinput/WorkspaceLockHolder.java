package io.taskconsole.badinput;

import io.taskconsole.task.WorkspaceLock;
import java.nio.file.Path;

/** A second app instance, in its own JVM: takes the workspace, says so, and holds it until killed. */
public final class WorkspaceLockHolder {

    private WorkspaceLockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        WorkspaceLock lock = WorkspaceLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(600_000);
        lock.close();
    }
}
