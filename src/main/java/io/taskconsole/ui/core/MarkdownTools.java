package io.taskconsole.ui.core;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.Highlights;
import io.taskconsole.markdown.RenderedMarkdown;
import io.taskconsole.task.TaskFile;
import java.util.List;

/** What the console needs from {@code io.taskconsole.markdown}. Thread-safe; called off the FX thread. */
public interface MarkdownTools {

    /** The preview's blocks and the outline, from one parse. */
    RenderedMarkdown render(String markdown);

    /** The editor's syntax highlighting, from the same parse as {@link #render} when the text is the same. */
    Highlights highlight(String markdown);

    List<Criterion> criteria(List<TaskFile> files);
}
