package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.taskconsole.TaskConsoleException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Resolves kubeconfig files once, the way kubectl does, for the app, fabric8 and helm alike: a file
 * the user names, else every file of {@code $KUBECONFIG} (a path list, merged in order), else
 * {@code <home>/.kube/config}, where home is {@code $HOME}, else (Windows) {@code %USERPROFILE%} or
 * {@code %HOMEDRIVE%%HOMEPATH%}, else Java's {@code user.home}. Only names are read out of them
 * (contexts, namespaces); credentials stay inside fabric8 and are never shown.
 */
public final class Kubeconfigs {

    private static final String WRONG_SHAPE = "a value has the wrong type or shape for a kubeconfig";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Map<String, String> env;
    private final Path home;

    /**
     * @param env      the environment ({@code KUBECONFIG}, {@code HOME}, ...), as the user's shell has it
     * @param userHome Java's {@code user.home}: the home when the environment names none
     */
    public Kubeconfigs(Map<String, String> env, Path userHome) {
        this.env = Map.copyOf(env);
        this.home = homeOf(this.env, Objects.requireNonNull(userHome, "userHome"));
    }

    /** The home kubectl uses: {@code $HOME}, {@code %USERPROFILE%}, {@code %HOMEDRIVE%%HOMEPATH%}, then {@code user.home}. */
    static Path homeOf(Map<String, String> env, Path userHome) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home.strip());
        }
        String profile = env.get("USERPROFILE");
        if (profile != null && !profile.isBlank()) {
            return Path.of(profile.strip());
        }
        String drive = env.get("HOMEDRIVE");
        String path = env.get("HOMEPATH");
        if (drive != null && !drive.isBlank() && path != null && !path.isBlank()) {
            return Path.of(drive.strip() + path.strip());
        }
        return userHome;
    }

    /** The environment this reads, for the parts of the app that must see what it sees (helm's KUBECONFIG). */
    public Map<String, String> environment() {
        return env;
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

    /**
     * What the user can pick: the contexts of all files, and which one is current. Only the names are
     * read (see {@link #namesOf}): this runs when the app starts, and fabric8's full model of a
     * kubeconfig is loaded only to connect.
     */
    public KubeconfigInfo read(Path explicit) {
        return read(explicit, Kubeconfigs::namesOf);
    }

    private KubeconfigInfo read(Path explicit, Function<Path, Names> parser) {
        List<Path> files = files(explicit);
        Map<String, String> namespaces = new LinkedHashMap<>();
        String current = null;
        boolean anyRead = false;
        List<Path> missing = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                if (explicit != null || files.size() == 1) {
                    throw missing(file, explicit != null);
                }
                missing.add(file);
                continue; // kubectl also skips missing entries of $KUBECONFIG
            }
            Names names = parser.apply(file);
            anyRead = true;
            if (current == null && names.currentContext() != null && !names.currentContext().isBlank()) {
                current = names.currentContext();
            }
            names.namespaceByContext().forEach(namespaces::putIfAbsent);
        }
        if (!anyRead) {
            throw TaskConsoleException.badInput(
                    "None of the kubeconfig files in $KUBECONFIG exist (" + files + ")",
                    "Fix $KUBECONFIG or choose a kubeconfig file.");
        }
        return new KubeconfigInfo(files, List.copyOf(namespaces.keySet()), current, namespaces, missing);
    }

    /** Whether this process runs in a Kubernetes pod: the kubelet gives every container KUBERNETES_SERVICE_HOST. */
    public boolean inPod() {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isBlank();
    }

    /**
     * The target of a face that runs as a service (the orchestrator): in a pod, with no kubeconfig
     * given (none named, no {@code $KUBECONFIG} file, none in the home) and no context named, the
     * pod's ServiceAccount; otherwise the kubeconfig target, so a context that is named but missing
     * stays an error and never turns into in-cluster config.
     */
    public KubeTarget serviceTarget(Path kubeconfig, String context, String namespace) {
        KubeTarget asked = new KubeTarget(kubeconfig, context, namespace);
        if (asked.kubeconfig() == null && asked.context() == null && inPod()
                && files(null).stream().noneMatch(Files::isRegularFile)) {
            return KubeTarget.inCluster(namespace);
        }
        return asked;
    }

    /**
     * The context a target means: the one chosen, else the current one; it must exist. Reads the files
     * with fabric8's full model, so a kubeconfig that fabric8 could not use fails here, with a message
     * that shows none of its values, before anything connects.
     */
    public String resolveContext(KubeTarget target) {
        KubeconfigInfo info = read(target.kubeconfig(), Kubeconfigs::namesOfConfig);
        String wanted = target.context() != null ? target.context() : info.currentContext();
        if (wanted == null) {
            throw TaskConsoleException.badInput(
                    "The kubeconfig " + describe(info.files()) + " has no current-context and no context was chosen",
                    "Choose a context" + (info.contexts().isEmpty() ? "" : " (one of " + String.join(", ", info.contexts()) + ")")
                            + ", or run 'kubectl config use-context NAME'.");
        }
        if (!info.contexts().contains(wanted)) {
            throw TaskConsoleException.badInput(
                    "Context '" + wanted + "' is not in the kubeconfig " + describe(info.files())
                            + (info.contexts().isEmpty() ? ", which defines no contexts"
                            : ", which defines: " + String.join(", ", info.contexts())),
                    info.contexts().isEmpty() ? "Add one with 'kubectl config set-context', or choose another kubeconfig."
                            : "Choose one of: " + String.join(", ", info.contexts()) + ".");
        }
        checkReferences(info.files(), wanted);
        return wanted;
    }

    /**
     * A context naming a cluster or user no file defines would make fabric8 fall back to defaults
     * (an in-cluster address, no credentials) and fail later with a misleading network error.
     */
    private static void checkReferences(List<Path> files, String contextName) {
        Set<String> clusters = new HashSet<>();
        Set<String> users = new HashSet<>();
        NamedContext context = null;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Config config = parseConfig(file);
            if (config.getClusters() != null) {
                config.getClusters().forEach(c -> clusters.add(c.getName()));
            }
            if (config.getUsers() != null) {
                config.getUsers().forEach(u -> users.add(u.getName()));
            }
            if (context == null && config.getContexts() != null) {
                context = config.getContexts().stream().filter(c -> contextName.equals(c.getName())).findFirst().orElse(null);
            }
        }
        if (context == null || context.getContext() == null) {
            return;
        }
        String cluster = context.getContext().getCluster();
        if (cluster == null || !clusters.contains(cluster)) {
            throw TaskConsoleException.badInput("Context '" + contextName + "' names cluster '" + cluster
                            + "', which is not in the kubeconfig " + describe(files),
                    "Add the cluster ('kubectl config set-cluster') or point the context at one that is there.");
        }
        String user = context.getContext().getUser();
        if (user != null && !users.contains(user)) {
            throw TaskConsoleException.badInput("Context '" + contextName + "' names user '" + user
                            + "', which is not in the kubeconfig " + describe(files),
                    "Log in again with your cluster's tool (it writes the user), or point the context at a user that is there.");
        }
    }

    /**
     * fabric8's model of the target's kubeconfig, from exactly the files {@link #files} resolves, merged
     * by fabric8 as kubectl merges them (the first file that names a cluster, user or context wins; a
     * file's relative paths are taken from its own folder). Built on {@code Config.empty()}, so fabric8
     * neither looks for another kubeconfig, nor falls back to in-cluster config, nor lets its own
     * variables ({@code KUBERNETES_MASTER}, {@code KUBERNETES_AUTH_TOKEN}, ...) send it to a server helm
     * would not talk to.
     */
    /**
     * The exec (login) plugin command of {@code context}'s user, if it has one: running it is part of
     * reading the kubeconfig, and it may wait for a login that never comes. The first file that
     * defines the user wins, as kubectl merges.
     */
    java.util.Optional<String> execCommand(KubeTarget target, String context) {
        return execCommand(files(target.kubeconfig()), context);
    }

    /** As {@link #execCommand(KubeTarget, String)}, in the kubeconfig made of {@code files}. */
    static java.util.Optional<String> execCommand(List<Path> files, String context) {
        List<Config> parsed = files.stream().filter(Files::isRegularFile).map(Kubeconfigs::parseConfig).toList();
        String user = parsed.stream().filter(c -> c.getContexts() != null).flatMap(c -> c.getContexts().stream())
                .filter(c -> context.equals(c.getName()) && c.getContext() != null).map(c -> c.getContext().getUser())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (user == null) {
            return java.util.Optional.empty();
        }
        return parsed.stream().filter(c -> c.getUsers() != null).flatMap(c -> c.getUsers().stream())
                .filter(u -> user.equals(u.getName())).findFirst()
                .map(u -> u.getUser() == null || u.getUser().getExec() == null ? null : u.getUser().getExec().getCommand());
    }

    io.fabric8.kubernetes.client.Config clientConfig(KubeTarget target, String context) {
        Config[] parsed = files(target.kubeconfig()).stream().filter(Files::isRegularFile)
                .map(Kubeconfigs::parseConfig).toArray(Config[]::new);
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.empty();
        KubeConfigUtils.merge(config, context, parsed);
        // fabric8 takes the current context when the one asked for is missing: never let that happen.
        NamedContext chosen = config.getCurrentContext();
        if (chosen == null || !context.equals(chosen.getName())) {
            throw TaskConsoleException.badInput("Context '" + context + "' is not in the kubeconfig "
                    + describe(files(target.kubeconfig())), "Choose a context the kubeconfig defines.");
        }
        return config;
    }

    /** The names in one file, and which context it makes current. */
    private record Names(String currentContext, Map<String, String> namespaceByContext) {
    }

    /**
     * Reads the context names and namespaces from the file's YAML tree, checking the shape of just
     * those parts; users and clusters are left to fabric8 when connecting.
     */
    private static Names namesOf(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw malformed(file, safeReason(e), null);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw malformed(file, "it is empty", null);
        }
        if (!root.isObject()) {
            throw malformed(file, WRONG_SHAPE, null);
        }
        Map<String, String> namespaces = new LinkedHashMap<>();
        JsonNode contexts = root.path("contexts");
        if (!contexts.isMissingNode() && !contexts.isNull()) {
            if (!contexts.isArray()) {
                throw malformed(file, WRONG_SHAPE + " (contexts)", null);
            }
            for (JsonNode entry : contexts) {
                JsonNode name = entry.path("name");
                JsonNode context = entry.path("context");
                JsonNode namespace = context.path("namespace");
                if (!entry.isObject() || !name.isString()
                        || !(context.isMissingNode() || context.isNull() || context.isObject())
                        || !(namespace.isMissingNode() || namespace.isNull() || namespace.isString())) {
                    throw malformed(file, WRONG_SHAPE + " (contexts)", null);
                }
                namespaces.putIfAbsent(name.stringValue(), namespace.isString() ? namespace.stringValue() : null);
            }
        }
        JsonNode current = root.path("current-context");
        if (!(current.isMissingNode() || current.isNull() || current.isString())) {
            throw malformed(file, WRONG_SHAPE + " (current-context)", null);
        }
        return new Names(current.isString() ? current.stringValue() : null, namespaces);
    }

    private static Names namesOfConfig(Path file) {
        Config config = parseConfig(file);
        Map<String, String> namespaces = new LinkedHashMap<>();
        if (config.getContexts() != null) {
            for (NamedContext context : config.getContexts()) {
                namespaces.putIfAbsent(context.getName(), context.getContext() == null ? null : context.getContext().getNamespace());
            }
        }
        return new Names(config.getCurrentContext(), namespaces);
    }

    private static Config parseConfig(Path file) {
        try {
            if (Files.size(file) == 0 || Files.readString(file).isBlank()) {
                throw malformed(file, "it is empty", null);
            }
        } catch (java.io.IOException e) {
            throw malformed(file, "it cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
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
                String what = jackson instanceof DatabindException ? WRONG_SHAPE : "it is not valid YAML";
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
