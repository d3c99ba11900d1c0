package io.taskconsole.ui.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.Problem;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.LatestOnly;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Validate, dry run, submit, retry and cancel. Every action validates the current draft first and
 * lists all problems instead of sending anything; submit and retry run helm on a worker, stream its
 * output to the log, and can be cancelled. Only one submission runs at a time.
 */
public final class SubmitViewModel {

    private record Checked<T>(List<Problem> problems, T result) {
    }

    /** {@code prompt.md} and {@code metadata.yaml} as the Generated files tab shows them (or why not). */
    public record Generated(String promptMd, String metadataYaml) {
    }

    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final Notices notices;
    private final EditorViewModel editor;
    private final ClusterViewModel cluster;
    private final LogViewModel log;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final BooleanProperty validated = new SimpleBooleanProperty(this, "validated");
    private final ObjectProperty<DryRun.Result> dryRun = new SimpleObjectProperty<>(this, "dryRun");
    private final ObjectProperty<Generated> generated = new SimpleObjectProperty<>(this, "generated");
    private final BooleanProperty generatedShown = new SimpleBooleanProperty(this, "generatedShown");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty promptTemplate = new SimpleStringProperty(this, "promptTemplate", "");
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObjectProperty<AttemptOutcome> lastOutcome = new SimpleObjectProperty<>(this, "lastOutcome");
    private final LongProperty configMapSize = new SimpleLongProperty(this, "configMapSize");
    private final Debouncer generatedRefresh;
    private final Debouncer sizeRefresh;
    /** Measuring runs the criteria and the prompt over the whole draft: one at a time, the newest wins. */
    private final LatestOnly measures = LatestOnly.oneAtATime();
    private final Debouncer templateSave;
    private Runnable afterSubmission = () -> { };
    /** Buttons on the outcome's banner, such as "Show attempts": the window decides where they lead. */
    private List<Notice.Action> outcomeActions = List.of();
    private Cancellation cancel;
    /** The running submission goes through an orchestrator, which Cancel cannot stop. */
    private boolean throughService;
    private boolean loadingTemplate;

    public SubmitViewModel(SubmitTools tools, BackgroundExecutor executor, Notices notices,
                           EditorViewModel editor, ClusterViewModel cluster, LogViewModel log) {
        this.tools = tools;
        this.executor = executor;
        this.notices = notices;
        this.editor = editor;
        this.cluster = cluster;
        this.log = log;
        this.generatedRefresh = new Debouncer(executor, Duration.ofMillis(500), this::refreshGenerated);
        this.templateSave = new Debouncer(executor, Duration.ofMillis(800), this::saveTemplate);
        this.sizeRefresh = new Debouncer(executor, Duration.ofMillis(300), this::measureNow);
        editor.revisionProperty().addListener((o, a, b) -> {
            validated.set(false);
            generatedChanged();
            sizeRefresh.trigger();
        });
        editor.folderProperty().addListener((o, a, b) -> sizeRefresh.trigger());
        promptTemplate.addListener((o, a, b) -> {
            if (!loadingTemplate) {
                templateSave.trigger();
                generatedChanged();
                sizeRefresh.trigger();
            }
        });
        generatedShown.addListener((o, was, shown) -> {
            if (shown) {
                refreshGenerated();
            }
        });
    }

    /**
     * The size of the ConfigMap the current draft would be sent in, generated files included: the
     * measure validation checks against {@link io.taskconsole.submit.ConfigMapLimits#MAX_BYTES}, so
     * the editor's meter and Submit always agree. Updated shortly after each edit.
     */
    public ReadOnlyLongProperty configMapSizeProperty() {
        return configMapSize;
    }

    /** Measures the draft now (on a worker); the newest measure wins. */
    public void measureNow() {
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            configMapSize.set(0);
            return;
        }
        SubmitTools.Target target = templateTarget();
        executor.task(() -> tools.configMapSize(draft.get(), target))
                .latestIn(measures)
                .onSuccess(configMapSize::set)
                .onFailure(e -> notices.log("Measuring the ConfigMap size", e))
                .start();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** True once the current draft passed validation with no problems. */
    public ReadOnlyBooleanProperty validatedProperty() {
        return validated;
    }

    public ReadOnlyObjectProperty<DryRun.Result> dryRunProperty() {
        return dryRun;
    }

    public ReadOnlyObjectProperty<Generated> generatedProperty() {
        return generated;
    }

    /**
     * Whether a view shows the generated files. They are generated each time one opens and after each
     * change while it is open, not otherwise: generating runs the criteria extractor and the YAML writer
     * over the whole draft, which is wasted on every pause in typing when nobody looks. (They also
     * depend on the attempt history, the target and the clock, so a view that opens regenerates them.)
     */
    public BooleanProperty generatedShownProperty() {
        return generatedShown;
    }

    /** A submission or retry is running (Cancel is live, closing asks first). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Validation or a dry run is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<AttemptOutcome> lastOutcomeProperty() {
        return lastOutcome;
    }

    /** The workspace's prompt template; blank means the core's built-in one. */
    public StringProperty promptTemplateProperty() {
        return promptTemplate;
    }

    /** Buttons the banner that reports a submission's outcome offers, e.g. one that opens the attempts. */
    public void outcomeActions(List<Notice.Action> actions) {
        this.outcomeActions = List.copyOf(actions);
    }

    public void afterSubmission(Runnable action) {
        this.afterSubmission = action;
    }

    /**
     * Where and how a submission goes, from the cluster pane's settings; throws a bad-input error
     * naming the field when one of them does not parse (e.g. the timeout).
     */
    public SubmitTools.Target target() {
        if (cluster.throughOrchestrator()) {
            // The service has its own helm settings; this machine's only render the dry run.
            return new SubmitTools.Target(cluster.settingsOrDefaults(), templateText(), cluster.orchestrator().orElseThrow());
        }
        return new SubmitTools.Target(cluster.settings(), templateText());
    }

    /** For work that needs only the prompt template: never fails on a half-typed cluster setting. */
    public SubmitTools.Target templateTarget() {
        return new SubmitTools.Target(cluster.settingsOrDefaults(), templateText());
    }

    private String templateText() {
        String template = promptTemplate.get();
        return template == null || template.isBlank() ? null : template;
    }

    public void validate() {
        Optional<TaskDraft> draft = draftOrWarn();
        if (draft.isEmpty()) {
            return;
        }
        SubmitTools.Target target = templateTarget();
        busy.set(true);
        executor.task(() -> tools.validate(draft.get(), target))
                .onSuccess(found -> {
                    showProblems(found);
                    notices.accept(found.isEmpty() ? Notice.success("The task is ready to submit.")
                            : Notice.warning(found.size() + " problem(s) to fix before submitting; see Problems."));
                })
                .onFailure(notices.failed("Validating the task"))
                .onFinally(() -> busy.set(false))
                .start();
    }

    /** Renders what a submission would send, with {@code helm template}; touches no cluster. */
    public void dryRun() {
        Optional<TaskDraft> draft = draftOrWarn();
        if (draft.isEmpty()) {
            return;
        }
        editor.saveNow();
        Optional<SubmitTools.Target> chosen = targetOrWarn();
        if (chosen.isEmpty()) {
            return;
        }
        SubmitTools.Target target = chosen.get();
        busy.set(true);
        log.info("Dry run of task " + draft.get().info().id() + " (nothing is sent to a cluster)");
        executor.task(() -> checkedThen(draft.get(), target, () -> tools.dryRun(draft.get(), target)))
                .onSuccess(checked -> {
                    showProblems(checked.problems());
                    if (checked.result() == null) {
                        log.info("Dry run stopped: " + checked.problems().size() + " problem(s) to fix first");
                        notices.accept(Notice.warning(checked.problems().size() + " problem(s) to fix before a dry run; see Problems."));
                    } else {
                        dryRun.set(checked.result());
                        log.info("$ " + checked.result().helmCommand());
                        String manifests = checked.result().manifests() == null ? "" : checked.result().manifests();
                        manifests.lines().forEach(line -> log.listener()
                                .onLine(io.taskconsole.helm.OutputListener.Stream.STDOUT, line));
                        log.info("Dry run done");
                        notices.accept(Notice.success("Dry run done: see the ConfigMap and helm template output."));
                    }
                })
                .onFailure(e -> {
                    Notice notice = Notice.error("The dry run", e);
                    log.info("Dry run failed: " + notice.message());
                    notices.accept(notice);
                })
                .onFinally(() -> busy.set(false))
                .start();
    }

    /** Sends the current drafts as the next attempt. */
    /** A line in the log panel before a submission starts (what was checked, or could not be). */
    public void note(String line) {
        log.info(line);
    }

    public void submit() {
        run("Submitting", (draft, target, signal) -> tools.submit(draft, target, log.listener(), signal));
    }

    /**
     * Sends attempt {@code attempt}'s files again as the next attempt: where that attempt went, or,
     * with {@code toSelectedTarget}, to the cluster pane's target (see {@link RetryPlan}).
     */
    public void retry(int attempt, boolean toSelectedTarget) {
        run("Retrying attempt " + attempt + " of", (draft, target, signal) -> tools.retry(draft,
                tools.planRetry(draft, attempt, target, toSelectedTarget), target, log.listener(), signal));
    }

    public void cancel() {
        Cancellation signal = cancel;
        if (signal != null && running.get() && throughService) {
            // The service's helm runs in the cluster; dropping the request here would only lose its answer.
            log.info("The orchestrator runs this submission and cannot be cancelled from here; its answer follows.");
        } else if (signal != null && running.get()) {
            log.info("Cancelling…");
            signal.cancel();
        }
    }

    @FunctionalInterface
    private interface Submission {
        AttemptOutcome send(TaskDraft draft, SubmitTools.Target target, Cancellation cancel);
    }

    private void run(String doing, Submission submission) {
        if (running.get()) {
            notices.accept(Notice.warning("A submission is already running. Wait for it or cancel it."));
            return;
        }
        Optional<TaskDraft> draft = draftOrWarn();
        if (draft.isEmpty()) {
            return;
        }
        Optional<SubmitTools.Target> chosen = targetOrWarn();
        if (chosen.isEmpty()) {
            return;
        }
        editor.saveNow();
        SubmitTools.Target target = chosen.get();
        Cancellation signal = new Cancellation();
        cancel = signal;
        throughService = target.team() != null;
        running.set(true);
        // A retry's target is decided by its plan, which the core writes into the log next.
        log.info(doing + " task " + draft.get().info().id() + (target.team() != null ? " through " + target.team().describe()
                : doing.startsWith("Retrying") ? "" : " to " + ClusterViewModel.describe(target.kube())));
        executor.task(() -> checkedThen(draft.get(), target, () -> submission.send(draft.get(), target, signal)))
                .onSuccess(checked -> {
                    showProblems(checked.problems());
                    AttemptOutcome outcome = checked.result();
                    if (outcome == null) {
                        log.info("Not sent: " + checked.problems().size() + " problem(s) to fix first");
                        notices.accept(Notice.warning("Not sent: " + checked.problems().size() + " problem(s) to fix first; see Problems."));
                        return;
                    }
                    lastOutcome.set(outcome);
                    String sentence = outcome.describe();
                    if (outcome.succeeded()) {
                        notices.accept(new Notice(Notice.Level.SUCCESS, sentence, "", outcomeActions));
                    } else if (outcome.error().kind() == TaskConsoleException.Kind.CANCELLED) {
                        log.info("Cancelled");
                        notices.accept(new Notice(Notice.Level.INFO, sentence, "", outcomeActions));
                    } else {
                        notices.accept(new Notice(Notice.Level.ERROR, sentence, "", outcomeActions));
                    }
                    afterSubmission.run();
                })
                .onFailure(e -> {
                    if (e instanceof TaskConsoleException tce && tce.kind() == TaskConsoleException.Kind.CANCELLED) {
                        log.info("Cancelled");
                        notices.accept(Notice.info(tce.oneLine()));
                    } else {
                        Notice notice = Notice.error(doing, e);
                        log.info(doing + " failed: " + notice.message());
                        notices.accept(notice);
                    }
                    afterSubmission.run();
                })
                .onFinally(() -> {
                    running.set(false);
                    cancel = null;
                })
                .start();
    }

    private <T> Checked<T> checkedThen(TaskDraft draft, SubmitTools.Target target, java.util.function.Supplier<T> action) {
        List<Problem> found = tools.validate(draft, target);
        if (!found.isEmpty()) {
            return new Checked<>(found, null);
        }
        return new Checked<>(List.of(), action.get());
    }

    private Optional<SubmitTools.Target> targetOrWarn() {
        try {
            return Optional.of(target());
        } catch (TaskConsoleException e) {
            notices.accept(Notice.error("Reading the cluster settings", e));
            return Optional.empty();
        }
    }

    private void showProblems(List<Problem> found) {
        problems.setAll(found);
        validated.set(found.isEmpty());
    }

    private Optional<TaskDraft> draftOrWarn() {
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            notices.accept(Notice.warning("Open or create a task first."));
        }
        return draft;
    }

    private void generatedChanged() {
        if (generatedShown.get()) {
            generatedRefresh.trigger();
        }
    }

    /** Generates the files again now if a view shows them (else a view that opens will). */
    public void refreshGenerated() {
        if (!generatedShown.get()) {
            return;
        }
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            generated.set(null);
            return;
        }
        SubmitTools.Target target = templateTarget();
        executor.task(() -> tools.generated(draft.get(), target))
                .onSuccess(files -> generated.set(new Generated(files.text(AttemptFiles.PROMPT_MD),
                        files.text(AttemptFiles.METADATA_YAML))))
                .onFailure(e -> generated.set(new Generated(
                        "Cannot generate prompt.md: " + Notice.error("Generating", e).message(), "")))
                .start();
    }

    /** Reads the workspace's prompt template: its own override, else the built-in one. */
    public void loadTemplate(Path workspaceDir) {
        workspace.set(workspaceDir);
        executor.task(() -> tools.promptTemplate(workspaceDir))
                .onSuccess(text -> {
                    loadingTemplate = true;
                    promptTemplate.set(text);
                    loadingTemplate = false;
                    generatedChanged();
                })
                .onFailure(notices.failed("Reading the prompt template of " + workspaceDir))
                .start();
    }

    /** Goes back to the built-in template (the override file is removed on the next save). */
    public void resetTemplate() {
        executor.task(tools::defaultPromptTemplate)
                .onSuccess(promptTemplate::set)
                .onFailure(notices.failed("Reading the built-in prompt template"))
                .start();
    }

    private void saveTemplate() {
        Path dir = workspace.get();
        if (dir == null) {
            return;
        }
        Path file = tools.promptTemplateFile(dir);
        String text = promptTemplate.get();
        executor.task(() -> {
            tools.savePromptTemplate(dir, text);
            return file;
        }).onFailure(notices.failed("Saving the prompt template " + file)).start();
    }

    public void flush() {
        templateSave.flush();
    }
}
