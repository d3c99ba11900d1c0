package io.taskconsole.task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Writes one Task Master task as {@code task.md} and a {@code design-spec.md} to fill in.
 *
 * <p>Task Master's {@code testStrategy} becomes the {@code ## Acceptance criteria} list, one item
 * per bullet or line (prose on one line stays one item), because that list is what the agent is
 * checked against. Subtasks become a plain list with their status: not task-list items, because
 * every {@code - [ ]} item in {@code task.md} counts as an acceptance criterion.
 */
final class TaskMasterMarkdown {

    private static final Pattern LIST_MARKER = Pattern.compile("(?:[-*+•]|\\d+[.)])\\s+(?:\\[[ xX]]\\s+)?");

    private final TaskId id;
    private final JsonNode task;

    TaskMasterMarkdown(TaskId id, JsonNode task) {
        this.id = id;
        this.task = task;
    }

    ImportedTask toImportedTask(String tag) {
        String title = text(task, "title");
        if (title.isEmpty()) {
            title = "Task " + id;
        }
        return new ImportedTask(id, title, tag, taskMarkdown(title, tag), designSpec(title));
    }

    private String taskMarkdown(String title, String tag) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(title)).append("\n\n");
        md.append("> ").append(origin(tag)).append("\n\n");
        paragraph(md, text(task, "description"));
        String details = text(task, "details");
        if (!details.isEmpty()) {
            md.append("## Details\n\n");
            paragraph(md, details);
        }
        md.append("## Acceptance criteria\n\n");
        criteria(md, text(task, "testStrategy"));
        subtasks(md);
        return md.toString().stripTrailing() + "\n";
    }

    private String origin(String tag) {
        List<String> parts = new ArrayList<>();
        parts.add("Imported from Task Master task " + id + (tag == null ? "" : " (tag " + tag + ")"));
        addIfPresent(parts, "priority", text(task, "priority"));
        addIfPresent(parts, "status", text(task, "status"));
        addIfPresent(parts, "depends on", String.join(", ", values(task.get("dependencies"))));
        return String.join(" · ", parts);
    }

    private static void criteria(StringBuilder md, String testStrategy) {
        List<String> lines = testStrategy.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            md.append("<!-- Task Master gave no test strategy: list what must be true when this task is done. -->\n\n");
            return;
        }
        boolean bulleted = lines.stream().anyMatch(l -> LIST_MARKER.matcher(l).lookingAt());
        List<String> items = new ArrayList<>();
        String intro = null;
        for (String line : lines) {
            Matcher marker = LIST_MARKER.matcher(line);
            if (!bulleted) {
                items.add(line);
            } else if (marker.lookingAt()) {
                items.add(line.substring(marker.end()).strip());
            } else if (items.isEmpty() && intro == null && line.endsWith(":")) {
                intro = line;
            } else if (items.isEmpty()) {
                items.add(line);
            } else {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line);
            }
        }
        if (intro != null) {
            md.append(intro).append("\n\n");
        }
        for (String item : items) {
            md.append("- ").append(item).append('\n');
        }
        md.append('\n');
    }

    private void subtasks(StringBuilder md) {
        JsonNode subtasks = task.get("subtasks");
        if (subtasks == null || !subtasks.isArray() || subtasks.isEmpty()) {
            return;
        }
        md.append("## Subtasks\n\n");
        for (JsonNode subtask : subtasks) {
            String subId = text(subtask, "id");
            String number = subId.isEmpty() ? "" : (subId.contains(".") ? subId : id + "." + subId) + " ";
            md.append("- **").append(number).append(oneLine(text(subtask, "title"))).append("**");
            String description = text(subtask, "description");
            if (!description.isEmpty()) {
                md.append(": ").append(oneLine(description));
            }
            md.append('\n');
            List<String> notes = new ArrayList<>();
            addIfPresent(notes, "status", text(subtask, "status"));
            addIfPresent(notes, "priority", text(subtask, "priority"));
            List<String> dependencies = new ArrayList<>();
            for (String dependency : values(subtask.get("dependencies"))) {
                dependencies.add(dependency.contains(".") ? dependency : id + "." + dependency);
            }
            addIfPresent(notes, "depends on", String.join(", ", dependencies));
            if (!notes.isEmpty()) {
                md.append("  _").append(String.join(" · ", notes)).append("_\n");
            }
            String details = text(subtask, "details");
            if (!details.isEmpty()) {
                md.append('\n');
                details.lines().forEach(line -> md.append(line.isBlank() ? "" : "  " + line).append('\n'));
            }
            md.append('\n');
        }
    }

    private static String designSpec(String title) {
        return "# Design spec: " + oneLine(title) + "\n\n"
                + "<!-- Task Master has no design spec. Fill in what the agent needs to build this well,"
                + " or delete the sections that do not apply. -->\n\n"
                + "## Context\n\n_What exists today, and why this change is needed._\n\n"
                + "## Approach\n\n_The design: components, data flow, APIs, and the files to touch._\n\n"
                + "## Constraints\n\n_What must not change: compatibility, performance, security._\n\n"
                + "## Out of scope\n\n_What the agent should leave alone._\n";
    }

    /** A string or number field, stripped; empty when missing or of another type. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            return "";
        }
        return value.asString().strip();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode value : array) {
                if (value.isString() || value.isNumber()) {
                    String text = value.asString().strip();
                    if (!text.isEmpty()) {
                        values.add(text);
                    }
                }
            }
        }
        return values;
    }

    private static void paragraph(StringBuilder md, String text) {
        if (!text.isEmpty()) {
            md.append(text.strip()).append("\n\n");
        }
    }

    private static void addIfPresent(List<String> parts, String label, String value) {
        if (!value.isEmpty()) {
            parts.add(label + ": " + value);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
