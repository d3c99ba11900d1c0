package io.taskconsole.ui.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.AtomicFiles;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Debouncer;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CancelSignal;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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

    private record Checked<T>(List<SubmitTools.Problem> problems, T result) {
    }

    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final Notices notices;
    private final EditorViewModel editor;
    private final ClusterViewModel cluster;
    private final LogViewModel log;
    private final ObservableList<SubmitTools.Problem> problems = FXCollections.observableArrayList();
    private final BooleanProperty validated = new SimpleBooleanProperty(this, "validated");
    private final ObjectProperty<SubmitTools.DryRun> dryRun = new SimpleObjectProperty<>(this, "dryRun");
    private final ObjectProperty<SubmitTools.Generated> generated = new SimpleObjectProperty<>(this, "generated");
    private final BooleanProperty generatedShown = new SimpleBooleanProperty(this, "generatedShown");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty promptTemplate = new SimpleStringProperty(this, "promptTemplate", "");
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObjectProperty<SubmitTools.Outcome> lastOutcome = new SimpleObjectProperty<>(this, "lastOutcome");
    private final Debouncer generatedRefresh;
    private final Debouncer templateSave;
    private Runnable afterSubmission = () -> { };
    private CancelSignal cancel;
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
        editor.revisionProperty().addListener((o, a, b) -> {
            validated.set(false);
            generatedChanged();
        });
        promptTemplate.addListener((o, a, b) -> {
            if (!loadingTemplate) {
                templateSave.trigger();
                generatedChanged();
            }
        });
        generatedShown.addListener((o, was, shown) -> {
            if (shown) {
                refreshGenerated();
            }
        });
    }

    public ObservableList<SubmitTools.Problem> problems() {
        return problems;
    }

    /** True once the current draft passed validation with no problems. */
    public ReadOnlyBooleanProperty validatedProperty() {
        return validated;
    }

    public ReadOnlyObjectProperty<SubmitTools.DryRun> dryRunProperty() {
        return dryRun;
    }

    public ReadOnlyObjectProperty<SubmitTools.Generated> generatedProperty() {
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

    public ReadOnlyObjectProperty<SubmitTools.Outcome> lastOutcomeProperty() {
        return lastOutcome;
    }

    /** The workspace's prompt template; blank means the core's built-in one. */
    public StringProperty promptTemplateProperty() {
        return promptTemplate;
    }

    public void afterSubmission(Runnable action) {
        this.afterSubmission = action;
    }

    public SubmitTools.Target target() {
        String template = promptTemplate.get();
        return new SubmitTools.Target(cluster.target(), cluster.helmPathProperty().get(), cluster.chartPath(),
                template == null || template.isBlank() ? null : template);
    }

    public void validate() {
        Optional<TaskDraft> draft = draftOrWarn();
        if (draft.isEmpty()) {
            return;
        }
        SubmitTools.Target target = target();
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
        SubmitTools.Target target = target();
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
                        checked.result().templateOutput().lines().forEach(line -> log.listener()
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
    public void submit() {
        run("Submitting", (draft, target, signal) -> tools.submit(draft, target, log.listener(), signal));
    }

    /** Sends attempt {@code attempt}'s files again as the next attempt. */
    public void retry(int attempt) {
        run("Retrying attempt " + attempt, (draft, target, signal) -> tools.retry(draft, attempt, target, log.listener(), signal));
    }

    public void cancel() {
        CancelSignal signal = cancel;
        if (signal != null && running.get()) {
            log.info("Cancelling…");
            signal.cancel();
        }
    }

    @FunctionalInterface
    private interface Submission {
        SubmitTools.Outcome send(TaskDraft draft, SubmitTools.Target target, CancelSignal cancel);
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
        editor.saveNow();
        SubmitTools.Target target = target();
        CancelSignal signal = new CancelSignal();
        cancel = signal;
        running.set(true);
        log.info(doing + " task " + draft.get().info().id() + " to " + ClusterViewModel.describe(target.kube()));
        executor.task(() -> checkedThen(draft.get(), target, () -> submission.send(draft.get(), target, signal)))
                .onSuccess(checked -> {
                    showProblems(checked.problems());
                    SubmitTools.Outcome outcome = checked.result();
                    if (outcome == null) {
                        log.info("Not sent: " + checked.problems().size() + " problem(s) to fix first");
                        notices.accept(Notice.warning("Not sent: " + checked.problems().size() + " problem(s) to fix first; see Problems."));
                        return;
                    }
                    lastOutcome.set(outcome);
                    if (!outcome.succeeded()) {
                        log.info(outcome.summary());
                    }
                    notices.accept(outcome.succeeded() ? Notice.success(outcome.summary())
                            : new Notice(Notice.Level.ERROR, outcome.summary(), "", List.of()));
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
        List<SubmitTools.Problem> found = tools.validate(draft, target);
        if (!found.isEmpty()) {
            return new Checked<>(found, null);
        }
        return new Checked<>(List.of(), action.get());
    }

    private void showProblems(List<SubmitTools.Problem> found) {
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
        SubmitTools.Target target = target();
        executor.task(() -> tools.generated(draft.get(), target))
                .onSuccess(generated::set)
                .onFailure(e -> generated.set(new SubmitTools.Generated(
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
            if (text == null || text.isBlank() || text.equals(tools.defaultPromptTemplate())) {
                Files.deleteIfExists(file);
            } else {
                AtomicFiles.writeString(file, text);
            }
            return file;
        }).onFailure(notices.failed("Saving the prompt template " + file)).start();
    }

    public void flush() {
        templateSave.flush();
    }
}
