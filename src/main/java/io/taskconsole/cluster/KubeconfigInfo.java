package io.taskconsole.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parts of a kubeconfig a user chooses from. Holds no credentials.
 *
 * @param namespaceByContext the namespace each context names, or {@code null} where it names none
 */
public record KubeconfigInfo(List<Path> files, List<String> contexts, String currentContext,
                             Map<String, String> namespaceByContext) {
}
