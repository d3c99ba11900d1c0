package io.taskconsole.badinput;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The app's save path on a small file system of its own (a tmpfs mounted for the run by
 * {@link LocalFaultCasesTest}): {@code prepare} makes a task there, {@code prepare-full} also fills
 * the disk, {@code save} autosaves task.md as the editor does and prints what the user would see.
 */
public final class DiskFaultHelper {

    static final String BEFORE = "# Before\n";

    private DiskFaultHelper() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "prepare" -> create(dir);
            case "prepare-full" -> {
                create(dir);
                fill(dir.resolve("filler.bin"));
            }
            case "save" -> save(TaskFolder.list(dir).get(0));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void create(Path dir) {
        TaskFolder.create(dir, new TaskInfo(new TaskId(1), new ServiceName("svc"), "Disk", null, null), BEFORE, "# D\n");
    }

    /** Writes until the file system refuses: afterwards it has no room left. */
    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            System.out.println("filled: " + full.getMessage());
        }
    }

    private static void save(Path folder) throws IOException {
        try {
            TaskFolder.saveFile(folder, new TaskFile("task.md", "# After\n" + "more text ".repeat(2000)));
            System.out.println("message: (saved)");
        } catch (TaskConsoleException e) {
            System.out.println("message: " + e.oneLine());
        }
        System.out.println("task.md: " + Files.readString(folder.resolve("task.md"), StandardCharsets.UTF_8).strip());
        try (Stream<Path> files = Files.list(folder)) {
            System.out.println("files: " + files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
