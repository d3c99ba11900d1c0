package io.taskconsole.markdown;

import java.util.List;

/** Criteria as one line each, indented by depth, so a test can compare a whole tree at once. */
final class CriteriaOutline {

    private CriteriaOutline() {
    }

    static String of(List<Criterion> criteria) {
        StringBuilder text = new StringBuilder();
        append(text, criteria, 0);
        return text.toString();
    }

    private static void append(StringBuilder text, List<Criterion> criteria, int depth) {
        for (Criterion c : criteria) {
            text.append("  ".repeat(depth)).append(c.id()).append(c.checked() ? " [x] " : " [ ] ")
                    .append(c.source()).append(':').append(c.line()).append(' ').append(c.text()).append('\n');
            append(text, c.children(), depth + 1);
        }
    }
}
