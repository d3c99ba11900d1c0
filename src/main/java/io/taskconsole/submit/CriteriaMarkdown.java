package io.taskconsole.submit;

import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskInfo;
import java.util.List;

/** Placeholder until the markdown package's criteria document lands. */
final class CriteriaMarkdown {

    private CriteriaMarkdown() {
    }

    static String render(TaskInfo info, List<Criterion> criteria) {
        StringBuilder out = new StringBuilder("# Acceptance criteria\n\n");
        for (Criterion c : criteria) {
            out.append("- **").append(c.id()).append("** ").append(c.text()).append('\n');
        }
        return out.toString();
    }
}
