package io.taskconsole.ui.core;

/** The core as the console sees it; built once at startup and handed to each view model. */
public record Core(TaskStore tasks, MarkdownTools markdown, ClusterTools cluster, SubmitTools submit) {
}
