package io.taskconsole.markdown;

import io.taskconsole.task.TaskFile;
import java.util.List;

/**
 * Finds acceptance criteria in {@code task.md} and {@code design-spec.md} from flexmark's syntax
 * tree. Other files are ignored. Thread-safe: the UI calls it from a background thread.
 */
public final class CriteriaExtractor {

    /** Criteria of {@code task.md} first, then {@code design-spec.md}, numbered across both. */
    public List<Criterion> extract(List<TaskFile> files) {
        throw new UnsupportedOperationException("not yet built");
    }
}
