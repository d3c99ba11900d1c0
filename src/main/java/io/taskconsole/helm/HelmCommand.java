package io.taskconsole.helm;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One helm invocation as a value: the binary and its argument list, never a shell string, so no
 * value (a path with spaces, a release name) can be read as another argument or a shell command.
 *
 * <p>{@code upgradeInstall} does not pass {@code --create-namespace}: the task's ConfigMap is
 * created in the namespace before helm runs, so a missing namespace has already been reported by
 * then, and a typo in the namespace must not quietly create a new one.
 */
public record HelmCommand(HelmBinary binary, List<String> arguments, Duration helmTimeout,
                          Map<String, String> environment) {

    /** Release names and namespaces are both DNS-1123 labels; releases are shorter, as helm's Secrets add a suffix. */
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_RELEASE_NAME = 53;
    private static final int MAX_NAMESPACE = 63;
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=@%+,^-]+");
    private static final Pattern SECRET_FLAG =
            Pattern.compile("--[a-z-]*(password|passwd|token|secret|api-?key|credential)[a-z-]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(password|passwd|token|secret|apikey|api-key|api_key|credential).*", Pattern.CASE_INSENSITIVE);
    private static final List<String> SET_FLAGS = List.of("--set", "--set-string", "--set-literal", "--set-json");
    static final String MASK = "REDACTED";

    /**
     * @param helmTimeout the {@code --timeout} the arguments give helm, or {@code null}; the
     *     runner's watchdog allows this much plus a margin
     * @param environment variables helm runs with besides the user's (a {@code KUBECONFIG} list)
     */
    public HelmCommand {
        Objects.requireNonNull(binary, "binary");
        arguments = List.copyOf(arguments);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public HelmCommand(HelmBinary binary, List<String> arguments, Duration helmTimeout) {
        this(binary, arguments, helmTimeout, Map.of());
    }

    /** Any helm command, for callers that need one this class has no factory for. */
    public static HelmCommand of(HelmBinary binary, List<String> arguments) {
        return new HelmCommand(binary, arguments, null);
    }

    /**
     * {@code helm upgrade --install <release> <chart> --namespace <ns> [--kubeconfig f]
     * [--kube-context c] --values <file>... --timeout <n>s [--wait]}.
     *
     * @param kubeconfig {@code null} for helm's own lookup ({@code $KUBECONFIG}, {@code ~/.kube/config})
     * @param kubeContext {@code null} for the kubeconfig's current context
     * @param extraValuesFiles passed after {@code valuesFile}, so their values win
     */
    public static HelmCommand upgradeInstall(HelmBinary binary, String release, String chartRef, Path kubeconfig,
            String kubeContext, String namespace, Path valuesFile, List<Path> extraValuesFiles, Duration timeout,
            boolean wait) {
        return upgradeInstall(binary, release, chartRef, kubeconfig == null ? List.of() : List.of(kubeconfig),
                kubeContext, namespace, valuesFile, extraValuesFiles, timeout, wait);
    }

    /**
     * As above, for the kubeconfig files the app resolved: one is passed with {@code --kubeconfig},
     * several in {@code KUBECONFIG} (helm takes one file on its command line, a list only there).
     *
     * @param kubeconfigs empty for helm's own lookup
     */
    public static HelmCommand upgradeInstall(HelmBinary binary, String release, String chartRef, List<Path> kubeconfigs,
            String kubeContext, String namespace, Path valuesFile, List<Path> extraValuesFiles, Duration timeout,
            boolean wait) {
        Objects.requireNonNull(valuesFile, "valuesFile");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw TaskConsoleException.badInput("The helm timeout " + timeout + " is not positive",
                    "Set a timeout of at least one second, for example 300 seconds.");
        }
        List<String> args = new ArrayList<>(List.of("upgrade", "--install", checkedRelease(release), checkedChart(chartRef)));
        Map<String, String> env = addTarget(args, kubeconfigs, kubeContext, namespace);
        addValues(args, valuesFile, extraValuesFiles);
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        args.add("--timeout");
        args.add(seconds + "s");
        if (wait) {
            args.add("--wait");
        }
        return new HelmCommand(binary, args, Duration.ofSeconds(seconds), env);
    }

    /** {@code helm template <release> <chart> --namespace <ns> --values <file>...}: renders locally, a dry run. */
    public static HelmCommand template(HelmBinary binary, String release, String chartRef, String namespace,
            Path valuesFile, List<Path> extraValuesFiles) {
        List<String> args = new ArrayList<>(List.of("template", checkedRelease(release), checkedChart(chartRef)));
        args.add("--namespace");
        args.add(checkedNamespace(namespace));
        addValues(args, valuesFile, extraValuesFiles);
        return new HelmCommand(binary, args, null);
    }

    /** {@code helm status <release> --namespace <ns> [--kubeconfig f] [--kube-context c]}. */
    public static HelmCommand status(HelmBinary binary, String release, Path kubeconfig, String kubeContext,
            String namespace) {
        List<String> args = new ArrayList<>(List.of("status", checkedRelease(release)));
        Map<String, String> env = addTarget(args, kubeconfig == null ? List.of() : List.of(kubeconfig), kubeContext,
                namespace);
        return new HelmCommand(binary, args, null, env);
    }

    /** {@code helm list --namespace <ns> [--kubeconfig f] [--kube-context c]}. */
    public static HelmCommand list(HelmBinary binary, Path kubeconfig, String kubeContext, String namespace) {
        return listIn(binary, kubeconfig == null ? List.of() : List.of(kubeconfig), kubeContext, namespace);
    }

    /** As above, for the kubeconfig files the app resolved (see {@link #upgradeInstall(HelmBinary, String, String, List, String, String, Path, List, Duration, boolean)}). */
    public static HelmCommand listIn(HelmBinary binary, List<Path> kubeconfigs, String kubeContext, String namespace) {
        List<String> args = new ArrayList<>(List.of("list"));
        Map<String, String> env = addTarget(args, kubeconfigs, kubeContext, namespace);
        return new HelmCommand(binary, args, null, env);
    }

    /** The same command with more arguments at the end, such as {@code --output json}. */
    public HelmCommand with(String... moreArguments) {
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of(moreArguments));
        return new HelmCommand(binary, args, helmTimeout, environment);
    }

    /** The program and its arguments, as handed to the operating system. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>(arguments.size() + 1);
        line.add(binary.path().toString());
        line.addAll(arguments);
        return line;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(helmTimeout);
    }

    /** The subcommand, such as {@code upgrade} or {@code template}, for messages. */
    public String subcommand() {
        return arguments.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
    }

    /**
     * The command as a user could paste it into a POSIX shell: arguments quoted where needed and
     * the values of anything that looks like a credential replaced by {@value #MASK}.
     */
    public String display() {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append(name).append('=').append(quote(value)).append(' '));
        out.append(quote(binary.path().toString()));
        boolean maskNext = false;
        String previous = "";
        for (String arg : arguments) {
            String shown = arg;
            if (maskNext) {
                shown = SET_FLAGS.contains(previous) ? maskSetValues(arg) : MASK;
                maskNext = false;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String flag = arg.substring(0, arg.indexOf('='));
                String value = arg.substring(arg.indexOf('=') + 1);
                if (SECRET_FLAG.matcher(flag).matches()) {
                    shown = flag + "=" + MASK;
                } else if (SET_FLAGS.contains(flag)) {
                    shown = flag + "=" + maskSetValues(value);
                }
            } else if (SECRET_FLAG.matcher(arg).matches() || SET_FLAGS.contains(arg)) {
                maskNext = true;
            }
            out.append(' ').append(quote(shown));
            previous = arg;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    private static String maskSetValues(String assignments) {
        List<String> shown = new ArrayList<>();
        for (String assignment : assignments.split(",", -1)) {
            int eq = assignment.indexOf('=');
            if (eq > 0 && SECRET_KEY.matcher(assignment.substring(0, eq)).matches()) {
                shown.add(assignment.substring(0, eq + 1) + MASK);
            } else {
                shown.add(assignment);
            }
        }
        return String.join(",", shown);
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN_ARGUMENT.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Adds the target's flags; returns the environment a list of kubeconfig files needs. */
    private static Map<String, String> addTarget(List<String> args, List<Path> kubeconfigs, String kubeContext,
                                                 String namespace) {
        args.add("--namespace");
        args.add(checkedNamespace(namespace));
        Map<String, String> env = Map.of();
        if (kubeconfigs.size() == 1) {
            args.add("--kubeconfig");
            args.add(kubeconfigs.get(0).toString());
        } else if (kubeconfigs.size() > 1) {
            env = Map.of("KUBECONFIG", String.join(java.io.File.pathSeparator,
                    kubeconfigs.stream().map(Path::toString).toList()));
        }
        if (kubeContext != null && !kubeContext.isBlank()) {
            args.add("--kube-context");
            args.add(kubeContext.strip());
        }
        return env;
    }

    private static void addValues(List<String> args, Path valuesFile, List<Path> extraValuesFiles) {
        Objects.requireNonNull(valuesFile, "valuesFile");
        args.add("--values");
        args.add(valuesFile.toString());
        for (Path extra : extraValuesFiles == null ? List.<Path>of() : extraValuesFiles) {
            args.add("--values");
            args.add(extra.toString());
        }
    }

    private static String checkedRelease(String release) {
        String name = release == null ? "" : release.strip();
        if (name.length() > MAX_RELEASE_NAME || !DNS_1123_LABEL.matcher(name).matches()) {
            throw TaskConsoleException.badInput(
                    "Helm release name '" + name + "' is not valid",
                    "Use at most " + MAX_RELEASE_NAME + " lowercase letters, digits and '-', starting and ending with a letter or digit.");
        }
        return name;
    }

    private static String checkedNamespace(String namespace) {
        String name = namespace == null ? "" : namespace.strip();
        if (name.length() > MAX_NAMESPACE || !DNS_1123_LABEL.matcher(name).matches()) {
            throw TaskConsoleException.badInput(
                    "Namespace '" + name + "' is not a valid Kubernetes namespace name",
                    "Use at most " + MAX_NAMESPACE + " lowercase letters, digits and '-', starting and ending with a letter or digit.");
        }
        return name;
    }

    private static String checkedChart(String chartRef) {
        String chart = chartRef == null ? "" : chartRef.strip();
        if (chart.isEmpty() || chart.startsWith("-")) {
            throw TaskConsoleException.badInput(
                    "Helm chart '" + chart + "' is not a chart path or reference",
                    "Give the chart's directory (such as charts/claude-code) or a repo/chart reference.");
        }
        return chart;
    }
}
