package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports one task from a Task Master {@code tasks.json}, so a product manager can start from
 * the plan Task Master already made instead of retyping it.
 *
 * <p>Both file shapes are read: the old {@code {"tasks": [...]}} and the tagged
 * {@code {"master": {"tasks": [...]}, "feature-x": {"tasks": [...]}}}. Without a tag the id is
 * looked up in every tag; an id found in several tags is an error that names them, and the caller
 * then passes the tag. Ids may be JSON numbers or numeric strings. The Markdown is built by
 * {@link TaskMasterMarkdown}.
 */
public final class TaskMasterImport {

    /** One task of the file, for a picker. */
    public record Entry(TaskId id, String title, String status, String tag) {
    }

    private static final int IDS_SHOWN = 10;

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Imports task {@code id}, looking in every tag. */
    public ImportedTask importTask(Path tasksJson, TaskId id) {
        return importTask(tasksJson, id, null);
    }

    /** Imports task {@code id} from {@code tag} ({@code null}: any tag). */
    public ImportedTask importTask(Path tasksJson, TaskId id, String tag) {
        Map<String, JsonNode> tags = tagsOf(tasksJson);
        if (tag != null && !tags.containsKey(tag)) {
            throw TaskConsoleException.badInput(
                    "Task Master file " + tasksJson + " has no tag '" + tag + "'; its tags are " + String.join(", ", tagNames(tags)),
                    "Pick one of those tags.");
        }
        List<String> foundIn = new ArrayList<>();
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> entry : tags.entrySet()) {
            if (tag != null && !entry.getKey().equals(tag)) {
                continue;
            }
            JsonNode task = find(entry.getValue(), id);
            if (task != null) {
                foundIn.add(entry.getKey());
                found = task;
            }
        }
        if (foundIn.isEmpty()) {
            throw notFound(tasksJson, id, tag, tags);
        }
        if (foundIn.size() > 1) {
            throw TaskConsoleException.badInput(
                    "Task " + id + " is in several tags of " + tasksJson + ": " + String.join(", ", foundIn),
                    "Choose the tag to import it from.");
        }
        String foundTag = foundIn.get(0).isEmpty() ? null : foundIn.get(0);
        return new TaskMasterMarkdown(id, found).toImportedTask(foundTag);
    }

    /**
     * One task given as Task Master's JSON object (its fields: title, description, details,
     * testStrategy, priority, status, dependencies, subtasks), written exactly as an import writes it.
     */
    public ImportedTask fromTask(TaskId id, JsonNode task) {
        return new TaskMasterMarkdown(id, task).toImportedTask(null);
    }

    /** Every task in the file with a usable id, in file order. */
    public List<Entry> list(Path tasksJson) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> tag : tagsOf(tasksJson).entrySet()) {
            for (JsonNode task : tag.getValue()) {
                TaskId id = idOf(task);
                if (id != null) {
                    entries.add(new Entry(id, TaskMasterMarkdown.text(task, "title"), TaskMasterMarkdown.text(task, "status"),
                            tag.getKey().isEmpty() ? null : tag.getKey()));
                }
            }
        }
        return entries;
    }

    /** Tag name to its task array; the untagged shape is one tag named "". */
    private Map<String, JsonNode> tagsOf(Path tasksJson) {
        JsonNode root = read(tasksJson);
        if (!root.isObject()) {
            throw wrongShape(tasksJson, "its top level is not a JSON object");
        }
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        if (root.has("tasks")) {
            tags.put("", taskArray(tasksJson, root.get("tasks"), "tasks"));
            return tags;
        }
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            JsonNode value = property.getValue();
            if (value.isObject() && value.has("tasks")) {
                tags.put(property.getKey(), taskArray(tasksJson, value.get("tasks"), property.getKey() + ".tasks"));
            }
        }
        if (tags.isEmpty()) {
            throw wrongShape(tasksJson, "it has no \"tasks\" list at the top or under a tag");
        }
        return tags;
    }

    private JsonNode read(Path tasksJson) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(tasksJson);
        } catch (NoSuchFileException e) {
            throw TaskConsoleException.badInput(
                    "Task Master file " + tasksJson + " does not exist",
                    "Give the path of Task Master's tasks.json (usually .taskmaster/tasks/tasks.json in the project).");
        } catch (IOException e) {
            throw TaskConsoleException.failed("Could not read Task Master file " + tasksJson + ": " + e.getMessage(),
                    "Check that the file is readable.", e);
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw TaskConsoleException.badInput(
                    "Task Master file " + tasksJson + " is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    "Fix the JSON there, or regenerate the file with Task Master.");
        }
        if (root == null || root.isMissingNode()) {
            throw TaskConsoleException.badInput("Task Master file " + tasksJson + " is empty",
                    "Give a tasks.json that Task Master generated (task-master parse-prd).");
        }
        return root;
    }

    private static JsonNode taskArray(Path tasksJson, JsonNode tasks, String where) {
        if (!tasks.isArray()) {
            throw wrongShape(tasksJson, "\"" + where + "\" is not a list");
        }
        return tasks;
    }

    private static JsonNode find(JsonNode tasks, TaskId id) {
        for (JsonNode task : tasks) {
            if (id.equals(idOf(task))) {
                return task;
            }
        }
        return null;
    }

    /** The task's id as a TaskId, or {@code null} when it has none usable. */
    static TaskId idOf(JsonNode task) {
        JsonNode id = task.get("id");
        if (id == null) {
            return null;
        }
        String text = id.isIntegralNumber() ? id.asString() : id.isString() ? id.stringValue().strip() : "";
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) < 1) {
            return null;
        }
        return new TaskId(Long.parseLong(text));
    }

    private static TaskConsoleException notFound(Path tasksJson, TaskId id, String tag, Map<String, JsonNode> tags) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : tags.entrySet()) {
            if (tag == null || entry.getKey().equals(tag)) {
                for (JsonNode task : entry.getValue()) {
                    TaskId other = idOf(task);
                    if (other != null) {
                        ids.add(other.toString());
                    }
                }
            }
        }
        String scope = tag != null ? " (tag " + tag + ")" : "";
        String available = ids.isEmpty() ? "it has no tasks"
                : "its ids are " + ids.stream().limit(IDS_SHOWN).collect(Collectors.joining(", "))
                        + (ids.size() > IDS_SHOWN ? ", … (" + ids.size() + " in all)" : "");
        return TaskConsoleException.badInput(
                "Task " + id + " is not in Task Master file " + tasksJson + scope + "; " + available,
                "Pick one of those ids.");
    }

    private static List<String> tagNames(Map<String, JsonNode> tags) {
        return tags.keySet().stream().map(t -> t.isEmpty() ? "(none)" : t).toList();
    }

    private static TaskConsoleException wrongShape(Path tasksJson, String why) {
        return TaskConsoleException.badInput(
                "Task Master file " + tasksJson + " is not a Task Master task list: " + why,
                "Expected {\"tasks\": [...]} or {\"master\": {\"tasks\": [...]}}; give the tasks.json Task Master generated.");
    }
}
