package io.taskconsole.ui.core;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.task.TaskFile;
import java.util.List;

/** What the console needs from {@code io.taskconsole.markdown}. Thread-safe; called off the FX thread. */
public interface MarkdownTools {

    /** The preview's blocks and the outline, from one parse. */
    Preview render(String markdown);

    List<Criterion> criteria(List<TaskFile> files);

    record Preview(List<PreviewBlock> blocks, List<Heading> outline) {
        public Preview {
            blocks = List.copyOf(blocks);
            outline = List.copyOf(outline);
        }
    }

    /** One heading of a Markdown file, for the outline. */
    record Heading(int level, String text, int line) {
    }
}
