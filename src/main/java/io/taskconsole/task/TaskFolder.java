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
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A task draft on disk: a folder a person can read and keep in git, e.g.
 * {@code tasks/1001-login-rate-limit/} with {@code task.yaml}, {@code task.md},
 * {@code design-spec.md} and any extra {@code .md} files. All writes are atomic.
 */
public final class TaskFolder {

    public static final String TASK_YAML = "task.yaml";
    /** The keys task.yaml may hold, in the order it is written. */
    static final List<String> KEYS = List.of("id", "service", "title", "agent", "model");
    /** Far more than five short values need; a bigger file is a mistake (or an attack on the parser). */
    static final long MAX_TASK_YAML_BYTES = 64 * 1024;
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
        if (!Files.isDirectory(folder)) {
            // Writing would silently make a new folder without task.yaml: not a task any more.
            throw TaskConsoleException.failed("Cannot save " + file.name() + ": the task folder " + folder
                            + " no longer exists (deleted or moved by another program)",
                    "Your text is still in the editor: restore the folder (or copy the text out) and save again.", null);
        }
        try {
            AtomicFiles.writeString(folder.resolve(file.name()), file.content());
        } catch (IOException e) {
            throw WriteFaults.saving(file.name(), folder, e);
        }
    }

    /**
     * Whether {@code name} may be an extra file of a task: letters, digits, '.', '_' and '-', not
     * starting with a dot or dash, ending in {@code .md} (so it is also a valid ConfigMap key).
     */
    public static boolean isExtraFileName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.md");
    }

    /**
     * Copies the Markdown file {@code source} (say, one dropped on the editor) into the task
     * {@code folder} as an extra file, under its own name, and returns it as written. Nothing is
     * replaced and nothing half-read is added: a folder, a link, a file that is not {@code .md},
     * a name that cannot be a task file's, a file larger than {@code maxBytes}, text that is not
     * UTF-8 or a name the task already has (in any case) is refused with what to do instead.
     */
    public static TaskFile addExtraFile(Path folder, Path source, long maxBytes) {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        if (Files.isSymbolicLink(source)) {
            throw TaskConsoleException.badInput(source + " is a symbolic link; a link's target is never read into a task",
                    "Drop the file it points to instead of the link.");
        }
        if (Files.isDirectory(source)) {
            throw TaskConsoleException.badInput(source + " is a folder, not a Markdown file",
                    "Open the folder and drop the .md files in it (several can be dropped at once).");
        }
        if (!Files.isRegularFile(source)) {
            throw TaskConsoleException.badInput(source + " is not a file that can be read (missing, or a device)",
                    "Drop a .md file from your file manager.");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".md")) {
            throw TaskConsoleException.badInput(name + " is not a Markdown file (its name does not end in .md)",
                    "Only Markdown files go to the agent: save it as .md, or paste the part that matters into task.md.");
        }
        if (isMainFile(name)) {
            throw TaskConsoleException.badInput("The task has its own " + name + "; a dropped " + name + " never replaces it",
                    "Rename the dropped file (e.g. to 'other-" + name + "') and drop it again, or paste its text into the task's "
                            + name + ".");
        }
        if (!isExtraFileName(name)) {
            throw TaskConsoleException.badInput("'" + name + "' cannot be the name of a task file (allowed: letters, digits, "
                            + "'.', '_' and '-', ending in .md; it becomes a ConfigMap key)",
                    "Rename it, e.g. to '" + suggestName(name) + "', and drop it again.");
        }
        long size = sizeOf(source);
        if (size > maxBytes) {
            throw TaskConsoleException.badInput(name + " is " + String.format(Locale.ROOT, "%,d bytes", size) + ", more than the "
                            + sizeText(maxBytes)
                            + " all of a task's files may have together (they go to the agent in one ConfigMap)",
                    "Shorten it, or keep the material in the repository and link to it from task.md.");
        }
        Optional<String> existing = fileNamed(folder, name);
        if (existing.isPresent()) {
            throw TaskConsoleException.badInput("The task already has a file named " + existing.get()
                            + "; it is left as it is and " + source + " was not added",
                    "Rename the dropped file (e.g. to '" + name.substring(0, name.length() - 3) + "-2.md') and drop it again.");
        }
        TaskFile file = new TaskFile(name, readUtf8(source));
        saveFile(folder, file);
        return file;
    }

    /** The entry of {@code folder} named {@code name} in any case (one file on macOS and Windows). */
    private static Optional<String> fileNamed(Path folder, String name) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).filter(n -> n.equalsIgnoreCase(name)).findFirst();
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read task folder " + folder + ": " + e.getMessage(),
                    "Check the folder's permissions.", e);
        }
    }

    /** A usable name a person would pick for {@code name}: accents dropped, the rest to dashes, lower-case .md. */
    static String suggestName(String name) {
        String base = name.substring(0, name.length() - 3);
        String clean = AsciiNames.fold(base).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+|-+$", "");
        return (clean.isEmpty() ? "notes" : clean.toLowerCase(Locale.ROOT)) + ".md";
    }

    private static String sizeText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : String.format(Locale.ROOT, "%,d bytes", bytes);
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

    /** Saves {@code task.yaml}, keeping the comments and unknown keys a user wrote in it. */
    public static void writeInfo(Path folder, TaskInfo info) {
        Path file = folder.resolve(TASK_YAML);
        try {
            String existing = Files.isRegularFile(file) ? readUtf8(file) : null;
            AtomicFiles.writeString(file, TaskYaml.render(existing, info));
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

    /**
     * The known key {@code key} is probably a misspelling of: the same but for case and '-'/'_', or up
     * to two letters off (one for short keys; none for id), so 'titel' is 'title' but 'notes' is nothing.
     */
    static java.util.Optional<String> nearMiss(String key) {
        String plain = key.toLowerCase(Locale.ROOT).replace('-', '_');
        return TaskYaml.MANAGED.stream()
                .filter(known -> editDistance(known, plain) <= (known.length() >= 5 ? 2 : known.length() >= 3 ? 1 : 0))
                .findFirst();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public static String folderName(TaskInfo info) {
        String slug = AsciiNames.slug(info.title());
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
        long size = sizeOf(file);
        if (size > MAX_TASK_YAML_BYTES) {
            throw TaskConsoleException.badInput(file + " is " + size + " bytes; a task.yaml holds only "
                            + String.join(", ", KEYS) + ", so it may have at most " + MAX_TASK_YAML_BYTES + " bytes",
                    "Move long text into task.md or design-spec.md and keep task.yaml to those keys.");
        }
        JsonNode root;
        try {
            root = YAML.readTree(readUtf8(file));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // The parser's message quotes the source under a caret on indented lines; keep its sentences.
            String why = String.join("; ", String.valueOf(e.getOriginalMessage()).lines()
                    .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).map(String::strip).toList());
            throw TaskConsoleException.badInput(file + " is not valid YAML" + where + ": " + why,
                    "Fix the YAML syntax (it holds id, service, title, agent, model).");
        }
        if (root == null || !root.isObject()) {
            throw TaskConsoleException.badInput(file + " must be a YAML mapping with id and service",
                    "Write for example:\nid: 1001\nservice: auth-service");
        }
        // Keys the app does not know are kept (another tool's, or the user's notes), unless one is
        // a near miss of a key it does know: then it is a typo that would silently lose a setting.
        for (String key : root.propertyNames()) {
            if (!TaskYaml.MANAGED.contains(key)) {
                nearMiss(key).ifPresent(meant -> {
                    throw TaskConsoleException.badInput(file + " has an unknown key '" + key + "' (did you mean '"
                            + meant + "'?)", "Correct its spelling: as written, the setting is not used.");
                });
            }
        }
        for (String key : KEYS) {
            JsonNode value = root.get(key);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                throw TaskConsoleException.badInput(file + ": '" + key + "' is a " + (value.isArray() ? "list" : "mapping")
                                + ", but it must be a single value",
                        key.equals("id") ? "Write it as 'id: 1001'." : "Write it as '" + key + ": some-text' on one line.");
            }
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
        TaskSettings settings = readSettings(file, root);
        return new TaskInfo(taskId, serviceName, text(root, "title"), text(root, "agent"), text(root, "model"), settings);
    }

    /** The run settings; every problem in them is listed at once, each with its fix. */
    private static TaskSettings readSettings(Path file, JsonNode root) {
        List<String> problems = new ArrayList<>();
        Repository repository = null;
        JsonNode repo = root.get("repository");
        if (repo != null && !repo.isNull()) {
            if (!repo.isObject() || text(repo, "url") == null) {
                problems.add("'repository' must be a mapping with a url, e.g.\n  repository:\n    url: https://github.com/acme/auth-service.git\n    branch: main");
            } else {
                repository = new Repository(text(repo, "url"), text(repo, "branch"), text(repo, "path"),
                        text(repo, "credentials_secret"));
            }
        }
        Integer deadline = null;
        String deadlineText = text(root, "active_deadline");
        if (deadlineText != null && !deadlineText.isBlank()) {
            Optional<String> problem = SettingsRules.deadline(deadlineText);
            if (problem.isPresent()) {
                problems.add(problem.get());
            } else {
                deadline = SettingsRules.parseDeadline(deadlineText).orElseThrow();
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = root.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                problems.add("'env' must be a mapping of names to values, e.g.\n  env:\n    LOG_LEVEL: debug");
            } else {
                for (Map.Entry<String, JsonNode> e : envNode.properties()) {
                    if (e.getValue().isObject() || e.getValue().isArray()) {
                        problems.add("Env '" + e.getKey() + "' must be a plain value; a Secret goes under 'secrets' as {secret: name, key: key}.");
                    } else {
                        env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString());
                    }
                }
            }
        }
        Map<String, SecretRef> secrets = new LinkedHashMap<>();
        JsonNode secretsNode = root.get("secrets");
        if (secretsNode != null && !secretsNode.isNull()) {
            if (!secretsNode.isObject()) {
                problems.add("'secrets' must be a mapping of env names to {secret, key}, e.g.\n  secrets:\n    DB_PASSWORD: {secret: auth-db, key: password}");
            } else {
                for (Map.Entry<String, JsonNode> e : secretsNode.properties()) {
                    if (!e.getValue().isObject()) {
                        problems.add("Secret '" + e.getKey() + "' must be {secret: <Secret name>, key: <key>}: a reference, never the value itself.");
                    } else {
                        secrets.put(e.getKey(), new SecretRef(text(e.getValue(), "secret"), text(e.getValue(), "key")));
                    }
                }
            }
        }
        TaskSettings settings = new TaskSettings(repository, text(root, "permission_mode"), deadline, env, secrets);
        problems.addAll(settings.problems());
        if (!problems.isEmpty()) {
            throw TaskConsoleException.badInput(file + " has " + (problems.size() == 1 ? "a problem" : problems.size() + " problems")
                    + ":\n- " + String.join("\n- ", problems), "Fix them in " + TASK_YAML + " or in the task settings.");
        }
        return settings;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read " + file + ": " + e.getMessage(), "Check its permissions.", e);
        }
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
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw TaskConsoleException.badInput(file + " is UTF-16 text, not UTF-8",
                    "Save it as UTF-8 in your editor, or convert it: iconv -f utf-16 -t utf-8.");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                // Valid UTF-8, but no text file holds NUL: a binary file, or text in another encoding.
                throw TaskConsoleException.badInput(file + " holds NUL bytes (the first at offset " + i
                                + "), so it is not a text file",
                        "Remove them, or keep the file out of the task folder: every .md file in it is sent to the agent.");
            }
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
