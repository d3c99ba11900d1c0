package io.taskconsole.transcript;

import tools.jackson.databind.JsonNode;

/**
 * The gist of a tool call's input in one short line: the file Claude Code's {@code Edit} changes, the
 * command {@code Bash} runs. The field names are those of Claude Code's built-in tools (see
 * docs/transcript.md); a tool this class does not know (an MCP tool, a newer built-in) is summarized
 * by its input as compact JSON, cut to {@link #MAX} characters, so nothing is hidden.
 */
public final class ToolInputSummary {

    /** Longest summary: one line in a narrow view. */
    public static final int MAX = 160;

    private ToolInputSummary() {
    }

    public static String of(String tool, JsonNode input) {
        if (input == null || input.isMissingNode() || input.isNull()) {
            return "";
        }
        String summary = switch (tool) {
            case "Bash" -> text(input, "command");
            case "Read" -> withRange(text(input, "file_path"), input);
            case "Write" -> text(input, "file_path") + lineCount(input.path("content"));
            case "Edit" -> text(input, "file_path") + (input.path("replace_all").asBoolean(false) ? " (all occurrences)" : "");
            case "MultiEdit" -> text(input, "file_path") + count(input.path("edits"), "edit");
            case "NotebookEdit" -> text(input, "notebook_path");
            case "Glob", "Grep" -> text(input, "pattern") + in(input);
            case "LS" -> text(input, "path");
            case "WebFetch" -> text(input, "url");
            case "WebSearch" -> text(input, "query");
            case "Task" -> text(input, "description");
            case "TodoWrite" -> todos(input.path("todos"));
            default -> "";
        };
        if (summary.isBlank()) {
            summary = input.toString();
        }
        return oneLine(summary);
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    private static String withRange(String file, JsonNode input) {
        if (input.path("offset").isNumber()) {
            long from = input.path("offset").asLong();
            return input.path("limit").isNumber()
                    ? file + " (lines " + from + "–" + (from + input.path("limit").asLong() - 1) + ")"
                    : file + " (from line " + from + ")";
        }
        return file;
    }

    private static String lineCount(JsonNode content) {
        if (!content.isString()) {
            return "";
        }
        long lines = content.stringValue().lines().count();
        return " (" + lines + (lines == 1 ? " line)" : " lines)");
    }

    private static String count(JsonNode array, String noun) {
        return array.isArray() ? " (" + array.size() + " " + noun + (array.size() == 1 ? ")" : "s)") : "";
    }

    private static String in(JsonNode input) {
        String path = text(input, "path");
        return path.isEmpty() ? "" : " in " + path;
    }

    private static String todos(JsonNode todos) {
        if (!todos.isArray()) {
            return "";
        }
        int done = 0;
        for (JsonNode todo : todos) {
            if ("completed".equals(todo.path("status").asString(""))) {
                done++;
            }
        }
        return todos.size() + " to-dos, " + done + " done";
    }

    /** The first line, cut to {@link #MAX}, marked when anything was cut. */
    static String oneLine(String s) {
        String[] lines = s.strip().split("\\R", 2);
        String first = lines[0];
        boolean cut = lines.length > 1;
        if (first.length() > MAX) {
            first = first.substring(0, MAX);
            cut = true;
        }
        return cut ? first + " …" : first;
    }
}
