package io.taskconsole.ui.core;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskFile;
import java.util.List;

/** What the console needs from {@code io.taskconsole.markdown}. Thread-safe; called off the FX thread. */
public interface MarkdownTools {

    /** A complete HTML page for the preview (light or dark, strict CSP) and the outline, from one parse. */
    Preview render(String markdown, boolean dark);

    List<Criterion> criteria(List<TaskFile> files);

    record Preview(String html, List<Heading> outline) {
        public Preview {
            outline = List.copyOf(outline);
        }
    }

    /** One heading of a Markdown file, for the outline. */
    record Heading(int level, String text, int line) {
    }
}
