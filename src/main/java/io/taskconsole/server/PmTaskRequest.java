package io.taskconsole.server;

import io.taskconsole.app.TaskService;
import io.taskconsole.submit.ConfigMapLimits;
import io.taskconsole.task.ImportedTask;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /api/v1/pm/tasks} in the shape the original orchestrator's clients send
 * (snake_case; fields the service does not use are accepted and ignored), read into a task: its
 * {@code task.yaml} values and Markdown files. Every problem is collected with a JSON pointer to its
 * field, so a client sees them all at once.
 *
 * @param files task.md (given, or written from the Task Master fields exactly as
 *              {@code import-taskmaster} writes it), design-spec.md and any other Markdown files
 */
record PmTaskRequest(TaskInfo info, List<TaskFile> files) {

    static final String DEFAULT_MODEL = "sonnet";

    /** One thing wrong with the request: where (a JSON pointer) and what, and how to fix it. */
    record FieldError(String pointer, String detail) {
    }

    /** Thrown with every problem of a request. */
    static final class Invalid extends RuntimeException {
        final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.size() + " problem(s) in the request");
            this.errors = List.copyOf(errors);
        }
    }

    /** @param tasks writes task.md from the Task Master fields when the request brings none */
    static PmTaskRequest read(JsonNode body, TaskService tasks) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new Invalid(List.of(new FieldError("", "The body must be a JSON object describing the task")));
        }
        TaskId id = null;
        JsonNode idNode = body.path("id");
        if (!idNode.isIntegralNumber() || idNode.asLong() < 1) {
            errors.add(new FieldError("/id", "id must be an integer of 1 or more (the Task Master task id)"));
        } else {
            id = new TaskId(idNode.asLong());
        }
        ServiceName service = null;
        JsonNode serviceNode = body.path("service_name");
        if (!serviceNode.isString() || serviceNode.stringValue().isBlank()) {
            errors.add(new FieldError("/service_name", "service_name is required: the service the agent works on"));
        } else if (!ServiceName.isValid(serviceNode.stringValue())) {
            errors.add(new FieldError("/service_name", "service_name '" + serviceNode.stringValue()
                    + "' is not a DNS-1123 label; use '" + ServiceName.suggest(serviceNode.stringValue()) + "'"));
        } else {
            service = new ServiceName(serviceNode.stringValue());
        }
        JsonNode repository = body.path("repository");
        if (repository.isObject() && repository.has("token")) {
            errors.add(new FieldError("/repository/token", "A credential never travels in a task: remove the token and "
                    + "let the cluster's git credentials Secret provide access"));
        }
        for (String text : List.of("title", "description", "details", "test_strategy", "agent_name", "model")) {
            JsonNode node = body.path(text);
            if (!node.isMissingNode() && !node.isNull() && !node.isString()) {
                errors.add(new FieldError("/" + text, text + " must be a string"));
            }
        }
        Map<String, String> markdown = markdownFiles(body.path("markdown_files"), errors);
        if (!markdown.containsKey(TaskFile.DESIGN_SPEC_MD)) {
            errors.add(new FieldError("/markdown_files", "markdown_files must hold design-spec.md: how the agent "
                    + "should build it"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String title = body.path("title").isString() ? body.path("title").stringValue() : "";
        if (!markdown.containsKey(TaskFile.TASK_MD)) {
            ImportedTask imported = tasks.fromTaskMasterFields(id, taskMasterFields(body));
            markdown.put(TaskFile.TASK_MD, imported.taskMarkdown());
            title = imported.title();
        }
        String model = body.path("model").isString() && !body.path("model").stringValue().isBlank()
                ? body.path("model").stringValue() : DEFAULT_MODEL;
        String agent = body.path("agent_name").isString() ? body.path("agent_name").stringValue() : null;
        List<TaskFile> files = new ArrayList<>();
        files.add(new TaskFile(TaskFile.TASK_MD, markdown.remove(TaskFile.TASK_MD)));
        files.add(new TaskFile(TaskFile.DESIGN_SPEC_MD, markdown.remove(TaskFile.DESIGN_SPEC_MD)));
        markdown.forEach((name, content) -> files.add(new TaskFile(name, content)));
        return new PmTaskRequest(new TaskInfo(id, service, title, agent, model), files);
    }

    /** markdown_files: a list of {filename, content, file_type}; names as a task folder takes them. */
    private static Map<String, String> markdownFiles(JsonNode list, List<FieldError> errors) {
        Map<String, String> files = new LinkedHashMap<>();
        if (list.isMissingNode() || list.isNull()) {
            return files;
        }
        if (!list.isArray()) {
            errors.add(new FieldError("/markdown_files", "markdown_files must be a list of {filename, content}"));
            return files;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode file = list.get(i);
            String at = "/markdown_files/" + i;
            JsonNode name = file.path("filename");
            JsonNode content = file.path("content");
            if (!name.isString() || !content.isString()) {
                errors.add(new FieldError(at, "each file needs a string filename and a string content"));
                continue;
            }
            String filename = name.stringValue();
            if (!filename.endsWith(".md") || !ConfigMapLimits.isValidKey(filename) || filename.startsWith(".")) {
                errors.add(new FieldError(at + "/filename", "'" + filename + "' is not a Markdown file name a task "
                        + "can hold (letters, digits, '-', '_' and '.', ending in .md, no folders)"));
            } else if (files.putIfAbsent(filename, content.stringValue()) != null) {
                errors.add(new FieldError(at + "/filename", "'" + filename + "' is given twice"));
            }
        }
        return files;
    }

    /** The request's Task Master fields under Task Master's own names (testStrategy, not test_strategy). */
    private static JsonNode taskMasterFields(JsonNode body) {
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        body.properties().forEach(e -> task.set(e.getKey().equals("test_strategy") ? "testStrategy" : e.getKey(),
                e.getKey().equals("subtasks") ? subtasks(e.getValue()) : e.getValue()));
        return task;
    }

    private static JsonNode subtasks(JsonNode list) {
        if (!list.isArray()) {
            return list;
        }
        var out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode subtask : list) {
            out.add(subtask.isObject() ? taskMasterFields(subtask) : subtask);
        }
        return out;
    }
}
