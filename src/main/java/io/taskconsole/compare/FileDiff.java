package io.taskconsole.compare;

import java.util.List;

/**
 * How one file differs between two sides.
 *
 * @param lines   every line of the file as rows (unchanged ones too, so a view can show context or
 *                collapse it); empty for a binary file
 * @param unified the file's unified diff ({@code ---}/{@code +++} headers and hunks), empty when unchanged
 */
public record FileDiff(String name, Change change, List<DiffLine> lines, List<String> unified) {

    public FileDiff {
        lines = List.copyOf(lines);
        unified = List.copyOf(unified);
    }

    public enum Change {
        UNCHANGED("unchanged"), ADDED("added"), REMOVED("removed"), CHANGED("changed"),
        /** Not UTF-8 text, and not equal: shown as "binary files differ". */
        BINARY("binary, differs");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean differs() {
        return change != Change.UNCHANGED;
    }

    /** Lines added and removed (a changed line counts once each way), as {@code diff --stat} counts. */
    public int added() {
        return (int) lines.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED || l.kind() == DiffLine.Kind.CHANGED).count();
    }

    public int removed() {
        return (int) lines.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED || l.kind() == DiffLine.Kind.CHANGED).count();
    }

    /** "task.md: changed, +3 -1" */
    public String describe() {
        if (change == Change.UNCHANGED || change == Change.BINARY) {
            return name + ": " + change.label();
        }
        return name + ": " + change.label() + ", +" + added() + " -" + removed();
    }
}
