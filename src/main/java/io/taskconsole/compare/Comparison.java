package io.taskconsole.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Two sets of attempt files compared file by file: two attempts, or an attempt and what the drafts
 * would send now.
 *
 * @param oldLabel the old side as named in headers and views ({@code attempt-2})
 * @param newLabel the new side ({@code attempt-3}, {@code drafts})
 * @param files    every file of either side, in the old side's order, then those only the new side has
 */
public record Comparison(String oldLabel, String newLabel, List<FileDiff> files) {

    public Comparison {
        files = List.copyOf(files);
    }

    /** The same comparison without the file {@code name} (say, {@code metadata.yaml}, which every attempt writes anew). */
    public Comparison without(String name) {
        return new Comparison(oldLabel, newLabel, files.stream().filter(f -> !f.name().equals(name)).toList());
    }

    public boolean identical() {
        return files.stream().noneMatch(FileDiff::differs);
    }

    public List<FileDiff> changed() {
        return files.stream().filter(FileDiff::differs).toList();
    }

    /** The names of the files that differ. */
    public List<String> changedNames() {
        return changed().stream().map(FileDiff::name).toList();
    }

    /** All files' unified diffs, as one patch (git applies it with {@code -p1}). */
    public String unified() {
        List<String> lines = new ArrayList<>();
        for (FileDiff file : files) {
            lines.addAll(file.unified());
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** One line: what differs, or that nothing does. */
    public String summary() {
        List<FileDiff> changed = changed();
        if (changed.isEmpty()) {
            return oldLabel + " and " + newLabel + " are identical (" + files.size()
                    + (files.size() == 1 ? " file)" : " files)");
        }
        return newLabel + " differs from " + oldLabel + " in " + changed.size() + (changed.size() == 1 ? " file: " : " files: ")
                + String.join(", ", changed.stream().map(FileDiff::describe).toList());
    }
}
