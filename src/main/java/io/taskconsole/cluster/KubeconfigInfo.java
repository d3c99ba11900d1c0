package io.taskconsole.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parts of a kubeconfig a user chooses from. Holds no credentials.
 *
 * @param files              every file resolved, in order, including entries of {@code $KUBECONFIG} that are missing
 * @param namespaceByContext the namespace each context names, or {@code null} where it names none
 * @param missing            the entries of {@code files} that do not exist and were skipped, as kubectl skips them
 */
public record KubeconfigInfo(List<Path> files, List<String> contexts, String currentContext,
                             Map<String, String> namespaceByContext, List<Path> missing) {

    public KubeconfigInfo {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public KubeconfigInfo(List<Path> files, List<String> contexts, String currentContext,
                          Map<String, String> namespaceByContext) {
        this(files, contexts, currentContext, namespaceByContext, List.of());
    }

    /** The files read, in the order their contexts and users count. */
    public List<Path> read() {
        return files.stream().filter(f -> !missing.contains(f)).toList();
    }
}
