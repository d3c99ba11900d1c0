package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.taskconsole.TaskConsoleException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads kubeconfig files the way kubectl finds them: a file the user names, else every file of
 * {@code $KUBECONFIG} (a path list), else {@code ~/.kube/config}. Only names are read out of them
 * (contexts, namespaces); credentials stay inside fabric8 and are never shown.
 */
public final class Kubeconfigs {

    private final Map<String, String> env;
    private final Path home;

    public Kubeconfigs(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
    }

    public static Kubeconfigs fromSystem() {
        return new Kubeconfigs(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The files that would be read for {@code explicit} (may be {@code null}). */
    public List<Path> files(Path explicit) {
        if (explicit != null) {
            return List.of(explicit);
        }
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            List<Path> paths = new ArrayList<>();
            for (String part : list.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
            return paths;
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    /** What the user can pick: the contexts of all files, and which one is current. */
    public KubeconfigInfo read(Path explicit) {
        List<Path> files = files(explicit);
        Map<String, String> namespaces = new LinkedHashMap<>();
        String current = null;
        boolean anyRead = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                if (explicit != null || files.size() == 1) {
                    throw missing(file, explicit != null);
                }
                continue; // kubectl also skips missing entries of $KUBECONFIG
            }
            Config config = parse(file);
            anyRead = true;
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = config.getCurrentContext();
            }
            if (config.getContexts() != null) {
                for (NamedContext context : config.getContexts()) {
                    String ns = context.getContext() == null ? null : context.getContext().getNamespace();
                    namespaces.putIfAbsent(context.getName(), ns);
                }
            }
        }
        if (!anyRead) {
            throw TaskConsoleException.badInput(
                    "None of the kubeconfig files in $KUBECONFIG exist (" + files + ")",
                    "Fix $KUBECONFIG or choose a kubeconfig file.");
        }
        return new KubeconfigInfo(files, List.copyOf(namespaces.keySet()), current, namespaces);
    }

    /** The context a target means: the one chosen, else the current one; it must exist. */
    public String resolveContext(KubeTarget target) {
        KubeconfigInfo info = read(target.kubeconfig());
        String wanted = target.context() != null ? target.context() : info.currentContext();
        if (wanted == null) {
            throw TaskConsoleException.badInput(
                    "The kubeconfig " + describe(info.files()) + " has no current-context and no context was chosen",
                    "Choose a context" + (info.contexts().isEmpty() ? "" : " (one of " + String.join(", ", info.contexts()) + ")")
                            + ", or run 'kubectl config use-context NAME'.");
        }
        if (!info.contexts().contains(wanted)) {
            throw TaskConsoleException.badInput(
                    "Context '" + wanted + "' is not in the kubeconfig " + describe(info.files()),
                    info.contexts().isEmpty() ? "The file defines no contexts; add one with 'kubectl config set-context'."
                            : "Choose one of: " + String.join(", ", info.contexts()) + ".");
        }
        return wanted;
    }

    private static Config parse(Path file) {
        try {
            Config config = KubeConfigUtils.parseConfig(file.toFile());
            if (config == null) {
                throw malformed(file, "it is empty", null);
            }
            return config;
        } catch (TaskConsoleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed(file, firstLine(e), e);
        }
    }

    private static TaskConsoleException missing(Path file, boolean chosen) {
        return TaskConsoleException.badInput(
                "Kubeconfig file " + file + " does not exist",
                chosen ? "Choose an existing kubeconfig file."
                        : "Create it (your cluster's provider documents how, e.g. 'aws eks update-kubeconfig') or choose a kubeconfig file.");
    }

    private static TaskConsoleException malformed(Path file, String why, Throwable cause) {
        return new TaskConsoleException(TaskConsoleException.Kind.BAD_INPUT,
                "Kubeconfig file " + file + " could not be read: " + why,
                "Check it with 'kubectl config view --kubeconfig " + file + "' or choose another file.", cause);
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    static String describe(List<Path> files) {
        return files.size() == 1 ? files.get(0).toString() : files.toString();
    }
}
