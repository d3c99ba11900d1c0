package io.taskconsole.markdown;

import java.util.List;

/** A criterion found in one file before it gets its id, which depends on everything found before it. */
record CriterionDraft(String text, List<Span> spans, boolean checked, String source, int line,
        List<CriterionDraft> children) {

    CriterionDraft {
        children = List.copyOf(children);
    }

    Criterion numbered(String id) {
        List<Criterion> numberedChildren = new java.util.ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            numberedChildren.add(children.get(i).numbered(id + "." + (i + 1)));
        }
        return new Criterion(id, text, checked, source, line, numberedChildren, spans);
    }
}
