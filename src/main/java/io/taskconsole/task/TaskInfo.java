package io.taskconsole.task;

import java.util.Objects;

/**
 * What {@code task.yaml} holds: who the task is for, which agent runs it, and how it runs
 * ({@link TaskSettings}). The Markdown lives in files next to it.
 */
public record TaskInfo(TaskId id, ServiceName service, String title, String agent, String model, TaskSettings settings) {

    public static final String DEFAULT_AGENT = "claude-code";
    public static final String DEFAULT_MODEL = "claude-sonnet-4-5";

    public TaskInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        title = title == null ? "" : title.strip();
        agent = agent == null || agent.isBlank() ? DEFAULT_AGENT : agent.strip();
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        settings = settings == null ? TaskSettings.NONE : settings;
    }

    public TaskInfo(TaskId id, ServiceName service, String title, String agent, String model) {
        this(id, service, title, agent, model, TaskSettings.NONE);
    }

    public TaskInfo withSettings(TaskSettings newSettings) {
        return new TaskInfo(id, service, title, agent, model, newSettings);
    }
}
