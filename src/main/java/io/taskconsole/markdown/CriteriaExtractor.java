package io.taskconsole.markdown;

import io.taskconsole.task.TaskFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds acceptance criteria in {@code task.md} and {@code design-spec.md} from flexmark's syntax
 * tree, never from regular expressions over the text, so look-alike lines in code blocks, HTML or
 * front matter stay out. Other files are ignored. Thread-safe: the UI calls it from a background
 * thread; build one and reuse it, as building the parser is the expensive part.
 *
 * <p>Per file, the first rule that applies wins:
 * <ol>
 *   <li>every list item under a heading starting with "Acceptance criteria", "Definition of done"
 *       or "Success criteria", up to the next heading of the same or a higher level;</li>
 *   <li>the items of a list right after a paragraph starting with "Acceptance criteria:" (or one of
 *       the other titles and a colon, or a paragraph that is just a title, like {@code **Acceptance criteria**});</li>
 *   <li>in {@code task.md} only: every GFM task item ({@code - [ ]}).</li>
 * </ol>
 */
public final class CriteriaExtractor {

    private static final String ID_PREFIX = "AC-";

    private final MarkdownSyntax syntax = new MarkdownSyntax();

    /** Criteria of {@code task.md} first, then {@code design-spec.md}, numbered across both. */
    public List<Criterion> extract(List<TaskFile> files) {
        List<CriterionDraft> drafts = new ArrayList<>();
        for (String name : List.of(TaskFile.TASK_MD, TaskFile.DESIGN_SPEC_MD)) {
            for (TaskFile file : files) {
                if (file.name().equals(name)) {
                    drafts.addAll(find(file));
                }
            }
        }
        return numbered(drafts);
    }

    /** Criteria of one file, numbered from {@code AC-1}. */
    public List<Criterion> extract(TaskFile file) {
        return numbered(find(file));
    }

    private List<CriterionDraft> find(TaskFile file) {
        boolean taskItemsAnywhere = file.name().equals(TaskFile.TASK_MD);
        return new FileCriteriaFinder(syntax.parse(file.content()), file.name()).find(taskItemsAnywhere);
    }

    private static List<Criterion> numbered(List<CriterionDraft> drafts) {
        List<Criterion> criteria = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            criteria.add(drafts.get(i).numbered(ID_PREFIX + (i + 1)));
        }
        return List.copyOf(criteria);
    }
}
