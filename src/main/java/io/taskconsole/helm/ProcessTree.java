package io.taskconsole.helm;

import java.util.List;

/** Ends a process together with the processes it started, so none keeps helm's pipes open. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** The process's children and their children, alive now; take it before the parent dies. */
    static List<ProcessHandle> descendants(Process process) {
        try {
            return process.descendants().toList();
        } catch (UnsupportedOperationException | SecurityException e) {
            return List.of();
        }
    }

    static void killForcibly(Process process) {
        List<ProcessHandle> children = descendants(process);
        process.destroyForcibly();
        killForcibly(children);
    }

    static void killForcibly(List<ProcessHandle> handles) {
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }
}
