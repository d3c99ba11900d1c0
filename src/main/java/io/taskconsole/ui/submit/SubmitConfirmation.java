package io.taskconsole.ui.submit;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.compare.Comparison;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.dialogs.Dialogs;
import io.taskconsole.ui.editor.EditorViewModel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Submit as the user starts it: the first attempt of a task is sent at once; once the task has
 * attempts, Submit sends edits, and asks first, showing file by file what the drafts would send
 * differently from the latest attempt (as Retry's question says what a retry changes). Nothing is
 * sent unless the user says so.
 */
public final class SubmitConfirmation {

    static final String ID = "submit-edits-confirmation";
    static final List<String> ANSWERS = List.of("Submit edits", "Cancel");

    private final SubmitTools tools;
    private final BackgroundExecutor executor;
    private final EditorViewModel editor;
    private final SubmitViewModel submit;
    private final Dialogs dialogs;
    private final Notices notices;

    public SubmitConfirmation(SubmitTools tools, BackgroundExecutor executor, EditorViewModel editor,
                              SubmitViewModel submit, Dialogs dialogs, Notices notices) {
        this.tools = tools;
        this.executor = executor;
        this.editor = editor;
        this.submit = submit;
        this.dialogs = dialogs;
        this.notices = notices;
    }

    /** What the drafts would change from the latest attempt, or why that could not be read. */
    record Latest(AttemptSummary attempt, int next, Comparison changes, String problem) {
    }

    /** Finds the latest attempt and compares the drafts with it off the FX thread, then asks and submits. */
    public void submit() {
        if (submit.runningProperty().get()) {
            notices.accept(Notice.warning("A submission is already running. Wait for it or cancel it."));
            return;
        }
        Optional<TaskDraft> draft = editor.snapshot();
        if (draft.isEmpty()) {
            submit.submit();
            return;
        }
        SubmitTools.Target target;
        try {
            target = submit.target();
        } catch (RuntimeException e) {
            // the submission itself says which setting does not parse
            submit.submit();
            return;
        }
        TaskDraft task = draft.get();
        executor.task(() -> latest(task, target))
                .onSuccess(latest -> {
                    if (latest != null && latest.attempt() == null) {
                        // Unreadable attempts (a wrong token, a cluster away) would fail the submission the
                        // same way: a question first would only say it twice. The submission tells.
                        submit.note("Not compared with the latest attempt: " + latest.problem());
                        submit.submit();
                    } else if (latest == null || ask(latest)) {
                        submit.submit();
                    }
                })
                .onFailure(notices.failed("Comparing the drafts with the latest attempt"))
                .start();
    }

    /**
     * On a worker thread: the latest attempt and what the drafts change from it; {@code null} when the
     * task has none. When the attempts cannot be listed, {@link Latest#problem()} says why and no attempt is named.
     */
    private Latest latest(TaskDraft draft, SubmitTools.Target target) {
        AttemptsOverview overview;
        try {
            overview = tools.attempts(draft, target, true);
        } catch (RuntimeException e) {
            return new Latest(null, 0, null, Notice.error("Listing the task's attempts", e).message());
        }
        Optional<AttemptSummary> newest = overview.attempts().stream().max(Comparator.comparingInt(AttemptSummary::number));
        if (newest.isEmpty()) {
            return null;
        }
        AttemptSummary attempt = newest.get();
        try {
            return new Latest(attempt, attempt.number() + 1, tools.compareDrafts(draft, attempt, target), null);
        } catch (RuntimeException e) {
            return new Latest(attempt, attempt.number() + 1, null, Notice.error("Reading attempt " + attempt.number()
                    + "'s files", e).message());
        }
    }

    /** Asks about {@code latest}, which names an attempt (unlistable attempts are submitted without a question). */
    private boolean ask(Latest latest) {
        String title = "Submit edits";
        String question = "Send the drafts as attempt " + latest.next() + "?";
        String text = text(latest);
        Optional<Integer> answer = latest.changes() == null
                ? dialogs.choose(ID, title, question, text, ANSWERS)
                : dialogs.chooseShowingChanges(ID, title, question, text, latest.changes(), ANSWERS);
        return answer.filter(i -> i == 0).isPresent();
    }

    /** The sentences above the files: where the latest attempt went, and that nothing but metadata.yaml differs if so. */
    static String text(Latest latest) {
        int n = latest.attempt().number();
        AttemptSummary a = latest.attempt();
        String went = "Attempt " + n + " went to " + RetryPlan.where(new KubeTarget(a.kubeconfig() == null ? null
                : java.nio.file.Path.of(a.kubeconfig()), a.context(), a.namespace())) + ".";
        if (latest.changes() == null) {
            return went + "\nWhat the drafts change from it could not be read: " + latest.problem()
                    + (latest.problem().endsWith(".") ? "" : ".");
        }
        Comparison content = latest.changes().without(AttemptFiles.METADATA_YAML);
        if (content.identical()) {
            return went + "\nNothing differs from attempt " + n + " except " + AttemptFiles.METADATA_YAML
                    + ", which every attempt writes anew (its number, who sent it and when): the drafts are what attempt "
                    + n + " sent. Retry does the same.";
        }
        // The files below say what differs, with their own summary line.
        return went + "\nThe changed files are open below; the collapsed ones are sent as attempt " + n + " sent them.";
    }
}
