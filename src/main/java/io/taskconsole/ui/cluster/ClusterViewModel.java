package io.taskconsole.ui.cluster;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.OrchestratorTarget;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.ui.common.AppSettings;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.ClusterTools;
import java.nio.file.Path;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where submissions go: a Kubernetes target (kubeconfig, context, namespace, with helm and chart
 * on this machine) or an orchestrator service (its URL and a token file: team mode). The fields are
 * remembered in the settings, the token file by path only; the connection check and helm lookup run
 * in the background and end in one line of status, never a kubeconfig's secrets or a token.
 */
public final class ClusterViewModel {

    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    /** The state of the last connection check. */
    public enum Status { UNKNOWN, CHECKING, CONNECTED, FAILED }

    /** The two kinds of target: a cluster this machine talks to, or an orchestrator service that does (team mode). */
    public enum Kind { KUBERNETES, ORCHESTRATOR }

    private final ClusterTools tools;
    private final BackgroundExecutor executor;
    private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", KubeTarget.DEFAULT_NAMESPACE);
    private final StringProperty helmPath = new SimpleStringProperty(this, "helmPath", "");
    private final StringProperty helmVersion = new SimpleStringProperty(this, "helmVersion", "");
    private final StringProperty chart = new SimpleStringProperty(this, "chart", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout",
            SubmitSettings.formatTimeout(SubmitSettings.DEFAULT_TIMEOUT));
    private final BooleanProperty waitForResources = new SimpleBooleanProperty(this, "waitForResources");
    private final StringProperty valuesFiles = new SimpleStringProperty(this, "valuesFiles", "");
    private final StringProperty storageClass = new SimpleStringProperty(this, "storageClass", "");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.KUBERNETES);
    private final StringProperty orchestratorUrl = new SimpleStringProperty(this, "orchestratorUrl", "");
    private final StringProperty tokenFile = new SimpleStringProperty(this, "tokenFile", "");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", Status.UNKNOWN);
    private final StringProperty statusText = new SimpleStringProperty(this, "statusText", "Not checked yet");
    private final StringProperty contextsError = new SimpleStringProperty(this, "contextsError", "");
    private final StringProperty kubeconfigFiles = new SimpleStringProperty(this, "kubeconfigFiles", "");
    private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
    private long checkTicket;

    public ClusterViewModel(ClusterTools tools, BackgroundExecutor executor) {
        this.tools = tools;
        this.executor = executor;
        kubeconfig.addListener((o, a, b) -> invalidateCheck());
        context.addListener((o, a, b) -> invalidateCheck());
        namespace.addListener((o, a, b) -> invalidateCheck());
        kind.addListener((o, a, b) -> invalidateCheck());
        orchestratorUrl.addListener((o, a, b) -> invalidateCheck());
        tokenFile.addListener((o, a, b) -> invalidateCheck());
    }

    /** Kubernetes or Orchestrator: which fields count for Submit, Retry and the attempts. */
    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The orchestrator service's base URL, e.g. {@code https://orchestrator.example.com}. */
    public StringProperty orchestratorUrlProperty() {
        return orchestratorUrl;
    }

    /** The file holding the user's token; blank means {@code TASK_CONSOLE_TOKEN}. Only the path is kept. */
    public StringProperty tokenFileProperty() {
        return tokenFile;
    }

    public boolean throughOrchestrator() {
        return kind.get() == Kind.ORCHESTRATOR;
    }

    /**
     * The orchestrator target when the pane is in Orchestrator mode, else empty; throws a bad-input
     * error when the URL does not parse.
     */
    public Optional<OrchestratorTarget> orchestrator() {
        if (!throughOrchestrator()) {
            return Optional.empty();
        }
        return Optional.of(OrchestratorTarget.parse(orchestratorUrl.get(), blankToNull(tokenFile.get())));
    }

    /** Where a submission goes now, as the status bar and the log name it. */
    public String describeTarget() {
        if (throughOrchestrator()) {
            String url = orchestratorUrl.get() == null ? "" : orchestratorUrl.get().strip();
            return url.isEmpty() ? "an orchestrator (no URL yet)" : "the orchestrator at " + url;
        }
        return describe(target());
    }

    public StringProperty kubeconfigProperty() {
        return kubeconfig;
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty helmPathProperty() {
        return helmPath;
    }

    public ReadOnlyStringProperty helmVersionProperty() {
        return helmVersion;
    }

    /** A chart directory; blank means the chart bundled with the console. */
    public StringProperty chartProperty() {
        return chart;
    }

    /** How long helm may take, in helm's form ({@code 90s}, {@code 5m}); the CLI's {@code --timeout}. */
    public StringProperty timeoutProperty() {
        return timeout;
    }

    /** Whether helm waits until the Job's resources are ready; the CLI's {@code --wait}. */
    public BooleanProperty waitForResourcesProperty() {
        return waitForResources;
    }

    /** Extra values files for the chart, separated by the platform's path separator; the CLI's {@code -f}. */
    public StringProperty valuesFilesProperty() {
        return valuesFiles;
    }

    /** Storage class of a service's new workspace volume (blank: the default); the CLI's {@code --storage-class}. */
    public StringProperty storageClassProperty() {
        return storageClass;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    /** The kubeconfig file(s) the contexts came from and a submission will use, as one line. */
    public ReadOnlyStringProperty kubeconfigFilesProperty() {
        return kubeconfigFiles;
    }

    public ReadOnlyStringProperty contextsErrorProperty() {
        return contextsError;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public void restore(AppSettings settings) {
        kubeconfig.set(settings.get(AppSettings.KUBECONFIG, ""));
        context.set(settings.get(AppSettings.CONTEXT, ""));
        namespace.set(settings.get(AppSettings.NAMESPACE, KubeTarget.DEFAULT_NAMESPACE));
        helmPath.set(settings.get(AppSettings.HELM, ""));
        chart.set(settings.get(AppSettings.CHART, ""));
        timeout.set(settings.get(AppSettings.TIMEOUT, timeout.get()));
        waitForResources.set(Boolean.parseBoolean(settings.get(AppSettings.WAIT, "false")));
        valuesFiles.set(settings.get(AppSettings.VALUES_FILES, ""));
        storageClass.set(settings.get(AppSettings.STORAGE_CLASS, ""));
        kind.set("orchestrator".equals(settings.get(AppSettings.TARGET_KIND, "")) ? Kind.ORCHESTRATOR : Kind.KUBERNETES);
        orchestratorUrl.set(settings.get(AppSettings.ORCHESTRATOR_URL, ""));
        tokenFile.set(settings.get(AppSettings.TOKEN_FILE, ""));
    }

    public void remember(AppSettings settings) {
        settings.put(AppSettings.KUBECONFIG, kubeconfig.get());
        settings.put(AppSettings.CONTEXT, context.get());
        settings.put(AppSettings.NAMESPACE, namespace.get());
        settings.put(AppSettings.HELM, helmPath.get());
        settings.put(AppSettings.CHART, chart.get());
        settings.put(AppSettings.TIMEOUT, timeout.get());
        settings.put(AppSettings.WAIT, Boolean.toString(waitForResources.get()));
        settings.put(AppSettings.VALUES_FILES, valuesFiles.get());
        settings.put(AppSettings.STORAGE_CLASS, storageClass.get());
        settings.put(AppSettings.TARGET_KIND, kind.get().name().toLowerCase(java.util.Locale.ROOT));
        settings.put(AppSettings.ORCHESTRATOR_URL, orchestratorUrl.get());
        settings.put(AppSettings.TOKEN_FILE, tokenFile.get());
    }

    public KubeTarget target() {
        return new KubeTarget(kubeconfigPath(), context.get(), namespace.get());
    }

    /**
     * Every setting of a submission, as the CLI's options give them; throws a bad-input error naming
     * the field that does not parse.
     */
    public SubmitSettings settings() {
        String c = chart.get();
        return new SubmitSettings(target(), c == null || c.isBlank() ? null : ChartSource.parse(c.strip()),
                blankToNull(helmPath.get()), SubmitSettings.parseTimeout(timeout.get(), "The helm timeout"),
                waitForResources.get(), valuesFiles(), blankToNullText(storageClass.get()), null);
    }

    /** {@link #settings()}, or the defaults for this target where a field does not parse yet. */
    public SubmitSettings settingsOrDefaults() {
        try {
            return settings();
        } catch (RuntimeException e) {
            return new SubmitSettings(target(), null, null, null, false, null, null, null);
        }
    }

    private List<Path> valuesFiles() {
        String text = valuesFiles.get();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(java.util.regex.Pattern.quote(File.pathSeparator)))
                .map(String::strip).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    private static Path blankToNull(String path) {
        return path == null || path.isBlank() ? null : Path.of(path.strip());
    }

    private static String blankToNullText(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Path kubeconfigPath() {
        String k = kubeconfig.get();
        return k == null || k.isBlank() ? null : Path.of(k.strip());
    }

    /** Reads the contexts of the kubeconfig; keeps the chosen context if it is still there. */
    public void loadContexts() {
        Path file = kubeconfigPath();
        executor.task(() -> tools.contexts(file))
                .onSuccess(found -> {
                    contextsError.set("");
                    kubeconfigFiles.set(describeFiles(found));
                    String keep = context.get();
                    contexts.setAll(found.contexts());
                    if (keep == null || keep.isBlank() || !found.contexts().contains(keep)) {
                        context.set(found.currentContext() == null ? "" : found.currentContext());
                    }
                })
                .onFailure(e -> {
                    contexts.clear();
                    kubeconfigFiles.set("");
                    contextsError.set(Notice.error("Reading the kubeconfig", e).message());
                })
                .start();
    }

    /**
     * Asks the API server for its version, with a timeout, or in Orchestrator mode reads the token
     * and asks the service whether it is ready; the result replaces the status line.
     */
    public void checkConnection() {
        if (throughOrchestrator()) {
            OrchestratorTarget team;
            try {
                team = orchestrator().orElseThrow();
            } catch (TaskConsoleException e) {
                checkTicket++;
                status.set(Status.FAILED);
                statusText.set(Notice.error("Reading the orchestrator URL", e).message());
                return;
            }
            runCheck(team.describe(), () -> tools.checkOrchestrator(team));
            return;
        }
        KubeTarget target = target();
        runCheck(describe(target), () -> {
            var info = tools.check(target, CHECK_TIMEOUT);
            return "Connected to " + describe(target) + ": Kubernetes " + info.serverVersion()
                    + (info.user() == null || info.user().isBlank() ? "" : " as " + info.user());
        });
    }

    /** Runs one check in the background; only the latest check's result reaches the status line. */
    private void runCheck(String what, java.util.concurrent.Callable<String> check) {
        long ticket = ++checkTicket;
        checking.set(true);
        status.set(Status.CHECKING);
        statusText.set("Checking " + what + "…");
        executor.task(check)
                .onSuccess(sentence -> {
                    if (ticket == checkTicket) {
                        status.set(Status.CONNECTED);
                        statusText.set(sentence);
                    }
                })
                .onFailure(e -> {
                    if (ticket == checkTicket) {
                        status.set(Status.FAILED);
                        statusText.set(Notice.error("Connecting to " + what, e).message());
                    }
                })
                .onFinally(() -> {
                    if (ticket == checkTicket) {
                        checking.set(false);
                    }
                })
                .start();
    }

    public void locateHelm() {
        Path configured = blankToNull(helmPath.get());
        executor.task(() -> tools.helm(configured))
                .onSuccess(info -> helmVersion.set("helm " + info.version() + " at " + info.path()))
                .onFailure(e -> helmVersion.set(Notice.error("Finding helm", e).message()))
                .start();
    }

    private void invalidateCheck() {
        checkTicket++;
        checking.set(false);
        status.set(Status.UNKNOWN);
        statusText.set("Not checked yet");
    }

    /** Which file(s) the contexts came from and a submission uses, and which $KUBECONFIG entries were skipped. */
    static String describeFiles(KubeconfigInfo found) {
        List<String> read = found.read().stream().map(Path::toString).toList();
        String line = (found.files().size() == 1 ? "Reads " : "Reads, merged in order: ") + String.join(", ", read);
        return found.missing().isEmpty() ? line : line + "; skips " + String.join(", ",
                found.missing().stream().map(Path::toString).toList()) + " (not found)";
    }

    public static String describe(KubeTarget target) {
        return (target.context() == null ? "the current context" : "context '" + target.context() + "'")
                + ", namespace '" + target.namespace() + "'";
    }
}
