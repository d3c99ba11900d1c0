package io.taskconsole.ui.tasks;

import io.taskconsole.task.TaskDraft;
import java.nio.file.Path;
import java.util.Locale;

/** A task folder as the list shows it; {@code problem} is set when the folder could not be read. */
public record TaskEntry(Path folder, String id, String service, String title, String problem) {

    public static TaskEntry of(TaskDraft draft) {
        return new TaskEntry(draft.folder(), draft.info().id().toString(), draft.info().service().value(),
                draft.info().title(), null);
    }

    public static TaskEntry unreadable(Path folder, String problem) {
        return new TaskEntry(folder, "?", folder.getFileName().toString(), "", problem);
    }

    public String label() {
        return "#" + id + "  " + (title.isBlank() ? service : title);
    }

    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return id.toLowerCase(Locale.ROOT).contains(f)
                || service.toLowerCase(Locale.ROOT).contains(f)
                || title.toLowerCase(Locale.ROOT).contains(f)
                || folder.getFileName().toString().toLowerCase(Locale.ROOT).contains(f);
    }
}
