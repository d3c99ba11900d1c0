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
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

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
            // The parser's own message quotes the offending value, which may be a token or password:
            // say only what kind of problem it is and where, and keep the cause out of logs too.
            throw malformed(file, safeReason(e), null);
        }
    }

    private static String safeReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                String what = jackson instanceof DatabindException
                        ? "a value has the wrong type or shape for a kubeconfig"
                        : "it is not valid YAML";
                TokenStreamLocation at = jackson.getLocation();
                return at == null || at.getLineNr() < 1 ? what
                        : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
            if (t instanceof MarkedYamlEngineException yaml) {
                return "it is not valid YAML" + yaml.getProblemMark()
                        .map(at -> " (line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ")")
                        .orElse("");
            }
        }
        return "it is not a valid kubeconfig (" + e.getClass().getSimpleName() + ")";
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

    static String describe(List<Path> files) {
        return files.size() == 1 ? files.get(0).toString() : files.toString();
    }
}
