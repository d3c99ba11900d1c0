package io.taskconsole.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A symbolic link inside a task folder, which Task Console refuses: git keeps links, so a task
 * folder from a repository could otherwise send {@code ~/.kube/config} to the cluster as a task file.
 *
 * @param name   the link's file name in the task folder
 * @param target where it points, as written in the link
 * @param inside whether that target is itself inside the task folder (still refused: the file is read once, as itself)
 */
public record LinkedFile(String name, String target, boolean inside) {

    static LinkedFile of(Path folder, Path link) {
        String target;
        boolean inside = false;
        try {
            Path pointsTo = Files.readSymbolicLink(link);
            target = pointsTo.toString();
            Path resolved = link.getParent().resolve(pointsTo).normalize();
            inside = resolved.startsWith(folder.toAbsolutePath().normalize()) || resolved.startsWith(folder.normalize());
        } catch (IOException | UnsupportedOperationException e) {
            target = "(unreadable: " + e.getMessage() + ")";
        }
        return new LinkedFile(link.getFileName().toString(), target, inside);
    }

    /** What the user reads: the link and its target. */
    public String sentence() {
        return "'" + name + "' is a symbolic link to " + target
                + (inside ? "" : ", outside the task folder") + ": Task Console does not read, send or write through links";
    }

    public String fix() {
        return "Replace the link with a copy of the file you mean to send, or delete it";
    }
}
