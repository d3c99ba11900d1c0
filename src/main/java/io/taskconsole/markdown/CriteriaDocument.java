package io.taskconsole.markdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The criteria as the agent receives them: {@code acceptance-criteria.md}, a nested list it can
 * cite by id, and the same list as JSON for tools. Both list every criterion with its source file
 * and line so a reviewer can check the agent's citations against the task.
 */
public final class CriteriaDocument {

    public static final String FILE_NAME = "acceptance-criteria.md";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Criterion> criteria;

    public CriteriaDocument(List<Criterion> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    /** Every criterion's id, children after their parent: the ids an acceptance report lists. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        collectIds(criteria, ids);
        return ids;
    }

    private static void collectIds(List<Criterion> list, List<String> ids) {
        for (Criterion criterion : list) {
            ids.add(criterion.id());
            collectIds(criterion.children(), ids);
        }
    }

    /** The content of {@code acceptance-criteria.md}. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Acceptance criteria\n\n");
        if (criteria.isEmpty()) {
            md.append("**No acceptance criteria were found** in task.md or design-spec.md. ")
                    .append("Work from the task description, and say in your report how you checked your work.\n");
            return md.toString();
        }
        md.append("Cite these ids (for example `").append(criteria.get(0).id())
                .append("`) when you report which criteria your change meets and which it does not.\n\n");
        md.append(count()).append(" from ").append(String.join(" and ", sources())).append(".\n\n");
        for (Criterion criterion : criteria) {
            append(md, criterion, 0);
        }
        return md.toString();
    }

    /** An array of {@code {id, text, checked, source, line, children}} objects. */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        criteria.forEach(criterion -> add(array, criterion));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    private static void add(ArrayNode array, Criterion criterion) {
        ObjectNode object = array.addObject();
        object.put("id", criterion.id());
        object.put("text", criterion.text());
        object.put("checked", criterion.checked());
        object.put("source", criterion.source());
        object.put("line", criterion.line());
        ArrayNode children = object.putArray("children");
        criterion.children().forEach(child -> add(children, child));
    }

    private static void append(StringBuilder md, Criterion criterion, int depth) {
        md.append("  ".repeat(depth))
                .append(criterion.checked() ? "- [x] " : "- [ ] ")
                .append("**").append(criterion.id()).append("** ")
                .append(criterion.text().isEmpty() ? "(no text)" : criterion.text())
                .append(" _(").append(criterion.source()).append(", line ").append(criterion.line()).append(")_\n");
        for (Criterion child : criterion.children()) {
            append(md, child, depth + 1);
        }
    }

    private String count() {
        int total = countAll(criteria);
        return total == 1 ? "1 criterion" : total + " criteria";
    }

    private static int countAll(List<Criterion> list) {
        int total = list.size();
        for (Criterion criterion : list) {
            total += countAll(criterion.children());
        }
        return total;
    }

    private Set<String> sources() {
        Set<String> sources = new LinkedHashSet<>();
        collectSources(criteria, sources);
        return sources;
    }

    private static void collectSources(List<Criterion> list, Set<String> sources) {
        for (Criterion criterion : list) {
            sources.add(criterion.source());
            collectSources(criterion.children(), sources);
        }
    }
}
