package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A task draft on disk: a folder a person can read and keep in git, e.g.
 * {@code tasks/1001-login-rate-limit/} with {@code task.yaml}, {@code task.md},
 * {@code design-spec.md} and any extra {@code .md} files. All writes are atomic.
 */
public final class TaskFolder {

    public static final String TASK_YAML = "task.yaml";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private TaskFolder() {
    }

    /** The task folders directly under {@code workspace} (those holding a {@code task.yaml}), by name. */
    public static List<Path> list(Path workspace) {
        if (!Files.isDirectory(workspace)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(workspace)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(TASK_YAML)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot list the task folders in " + workspace + ": " + e.getMessage(),
                    "Check that the folder exists and is readable.", e);
        }
    }

    /**
     * Reads a task folder. Missing Markdown files are left out (validation reports them); a
     * missing or broken {@code task.yaml} or a file that is not UTF-8 is an error here.
     */
    public static TaskDraft load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw TaskConsoleException.badInput("Task folder " + folder + " does not exist",
                    "Pass the folder that holds task.yaml and task.md.");
        }
        Path yaml = folder.resolve(TASK_YAML);
        if (Files.isSymbolicLink(yaml)) {
            LinkedFile link = LinkedFile.of(folder, yaml);
            throw TaskConsoleException.badInput(link.sentence(), link.fix());
        }
        TaskInfo info = readInfo(yaml);
        List<TaskFile> files = new ArrayList<>();
        for (String name : List.of(TaskFile.TASK_MD, TaskFile.DESIGN_SPEC_MD)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(new TaskFile(name, readUtf8(file)));
            }
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> extras = children
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(p -> !isMainFile(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
            for (Path extra : extras) {
                files.add(new TaskFile(extra.getFileName().toString(), readUtf8(extra)));
            }
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read task folder " + folder + ": " + e.getMessage(),
                    "Check the folder's permissions.", e);
        }
        return new TaskDraft(folder, info, files);
    }

    /**
     * The entries of {@code folder} that are symbolic links, by name. Their content is never read,
     * shown or sent (a link in a git checkout can point at {@code ~/.ssh/id_rsa}), and nothing is
     * written through them; validation reports each one, naming where it points.
     */
    public static List<LinkedFile> links(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isSymbolicLink)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> LinkedFile.of(folder, p))
                    .toList();
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read task folder " + folder + ": " + e.getMessage(),
                    "Check the folder's permissions.", e);
        }
    }

    /** {@code task.md} and {@code design-spec.md}: they hold the criteria and are sent first; other files are extras. */
    public static boolean isMainFile(String name) {
        return name.equals(TaskFile.TASK_MD) || name.equals(TaskFile.DESIGN_SPEC_MD);
    }

    public static void save(TaskDraft draft) {
        writeInfo(draft.folder(), draft.info());
        for (TaskFile file : draft.files()) {
            saveFile(draft.folder(), file);
        }
    }

    public static void saveFile(Path folder, TaskFile file) {
        requirePlainName(file.name());
        try {
            AtomicFiles.writeString(folder.resolve(file.name()), file.content());
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot save " + file.name() + " in " + folder + ": " + e.getMessage(),
                    "Check free disk space and the folder's permissions; your text is still in the editor.", e);
        }
    }

    /**
     * A task file's name is one plain name inside its folder: never a path ({@code ../x},
     * {@code /etc/x}, {@code sub/x}), so no caller can make a save land outside the task folder.
     */
    static void requirePlainName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0 || Path.of(name).isAbsolute()) {
            throw TaskConsoleException.badInput("'" + name + "' is not a file name inside the task folder",
                    "Use a plain name such as 'notes.md', without '/', '\\' or '..'.");
        }
    }

    public static void writeInfo(Path folder, TaskInfo info) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("id", info.id().value());
        yaml.put("service", info.service().value());
        yaml.put("title", info.title());
        yaml.put("agent", info.agent());
        yaml.put("model", info.model());
        try {
            AtomicFiles.writeString(folder.resolve(TASK_YAML), YAML.writeValueAsString(yaml));
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot save " + TASK_YAML + " in " + folder + ": " + e.getMessage(),
                    "Check free disk space and the folder's permissions.", e);
        }
    }

    /** Creates {@code {id}-{slug}} under {@code workspace}; refuses to overwrite an existing folder. */
    public static TaskDraft create(Path workspace, TaskInfo info, String taskMd, String designSpecMd) {
        return createAt(workspace.resolve(folderName(info)), info, List.of(
                new TaskFile(TaskFile.TASK_MD, taskMd),
                new TaskFile(TaskFile.DESIGN_SPEC_MD, designSpecMd)));
    }

    /** Creates the task folder {@code folder} with {@code files}; refuses to overwrite an existing task. */
    public static TaskDraft createAt(Path folder, TaskInfo info, List<TaskFile> files) {
        if (Files.exists(folder.resolve(TASK_YAML), LinkOption.NOFOLLOW_LINKS)) {
            throw TaskConsoleException.badInput("A task folder " + folder + " already exists",
                    "Open it, or choose another task id or title, or another folder.");
        }
        if (Files.isSymbolicLink(folder)) {
            throw TaskConsoleException.badInput(folder + " is a symbolic link: a new task folder is never made through one",
                    "Choose a folder path that is not a link.");
        }
        // Nothing is lost: a folder that already holds one of the files (say a repository's own task.md) is left alone.
        for (TaskFile file : files) {
            if (Files.exists(folder.resolve(file.name()), LinkOption.NOFOLLOW_LINKS)) {
                throw TaskConsoleException.badInput(folder + " already has a " + file.name() + "; not overwriting it",
                        "Choose a new or empty folder for the task.");
            }
        }
        TaskDraft draft = new TaskDraft(folder, info, files);
        save(draft);
        return draft;
    }

    public static String folderName(TaskInfo info) {
        String slug = info.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? info.id().toString() : info.id() + "-" + slug;
    }

    static TaskInfo readInfo(Path file) {
        if (!Files.isRegularFile(file)) {
            throw TaskConsoleException.badInput("Missing " + TASK_YAML + " in " + file.getParent(),
                    "Create it with at least 'id: 1001' and 'service: my-service', or create the task in the app.");
        }
        JsonNode root;
        try {
            root = YAML.readTree(readUtf8(file));
        } catch (JacksonException e) {
            throw TaskConsoleException.badInput(file + " is not valid YAML: " + e.getOriginalMessage(),
                    "Fix the YAML syntax (it holds id, service, title, agent, model).");
        }
        if (root == null || !root.isObject()) {
            throw TaskConsoleException.badInput(file + " must be a YAML mapping with id and service",
                    "Write for example:\nid: 1001\nservice: auth-service");
        }
        JsonNode id = root.get("id");
        JsonNode service = root.get("service");
        if (id == null || id.isNull()) {
            throw TaskConsoleException.badInput(file + " has no 'id'", "Add 'id: 1001' (a positive integer).");
        }
        if (service == null || service.isNull()) {
            throw TaskConsoleException.badInput(file + " has no 'service'", "Add 'service: my-service' (a DNS-1123 label).");
        }
        TaskId taskId = withPlace(file, () -> TaskId.parse(id.asString()));
        ServiceName serviceName = withPlace(file, () -> ServiceName.parse(service.asString()));
        return new TaskInfo(taskId, serviceName, text(root, "title"), text(root, "agent"), text(root, "model"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static <T> T withPlace(Path file, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (TaskConsoleException e) {
            throw TaskConsoleException.badInput(e.getMessage() + " (in " + file + ")", e.fix());
        }
    }

    /** Reads a file as strict UTF-8: a wrong encoding is reported, not silently mangled. */
    public static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw TaskConsoleException.badInput("Missing file " + file, "Create it or restore it.");
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read " + file + ": " + e.getMessage(), "Check its permissions.", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw TaskConsoleException.badInput(file + " is not UTF-8 text (invalid bytes near offset "
                            + firstInvalidOffset(bytes) + ")",
                    "Save it as UTF-8 in your editor, or convert it: iconv -f latin1 -t utf-8.");
        }
    }

    private static int firstInvalidOffset(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : bytes.length;
    }
}
