package io.taskconsole.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.Repository;
import io.taskconsole.task.SecretRef;
import io.taskconsole.task.SettingsRules;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.common.BackgroundExecutor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings form's model without a window: each field judged as typed by the CLI's rules, and what Save writes. */
class TaskSettingsViewModelTest {

    private final InMemoryTasks store = new InMemoryTasks();
    private TaskSettingsViewModel form;
    private TaskDraft task;

    @BeforeEach
    void load() {
        task = store.add(7, "billing", "Invoice export", "# Invoice export\n");
        form = new TaskSettingsViewModel(store, BackgroundExecutor.sameThread());
        form.load(task.folder(), task.info());
    }

    @Test
    void eachFieldShowsTheCliRulesSentenceAsTypedAndSaveIsBlockedUntilFixed() {
        assertThat(form.validProperty().get()).isTrue();

        form.url().textProperty().set("https://bob:tok@github.com/acme/billing.git");
        assertThat(form.url().errorProperty().get()).isEqualTo(SettingsRules.repositoryUrl("https://bob:tok@github.com/acme/billing.git").orElseThrow());
        form.deadline().textProperty().set("30s");
        assertThat(form.deadline().errorProperty().get()).contains("under a minute");
        form.service().textProperty().set("Billing Service");
        assertThat(form.service().errorProperty().get()).isNotEmpty();
        EnvRow env = form.addEnv();
        env.name().textProperty().set("ANTHROPIC_API_KEY");
        assertThat(env.name().errorProperty().get()).isEqualTo("Env name 'ANTHROPIC_API_KEY' is set by the chart itself: choose another name.");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.toInfo()).isEmpty();

        form.url().textProperty().set("https://github.com/acme/billing.git");
        form.deadline().textProperty().set("90m");
        form.service().textProperty().set("billing-service");
        env.name().textProperty().set("LOG_LEVEL");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void aNameBothPlainAndSecretIsRefusedLikeTheCliRefusesIt() {
        form.addEnv().name().textProperty().set("DB_PASSWORD");
        SecretRow secret = form.addSecret();
        secret.name().textProperty().set("DB_PASSWORD");
        secret.secret().textProperty().set("db");
        secret.key().textProperty().set("password");

        assertThat(form.namesErrorProperty().get()).isEqualTo(
                "Env name 'DB_PASSWORD' is both a plain value and a secret reference: keep one.");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void aBranchWithoutAUrlAsksForTheUrl() {
        form.branch().textProperty().set("develop");

        assertThat(form.url().errorProperty().get()).isEqualTo("Give the repository's url, or clear its branch, path and credentials.");
        form.branch().textProperty().set("");
        assertThat(form.url().errorProperty().get()).isEmpty();
    }

    @Test
    void saveWritesEverySettingAndKeepsWhatTheFormDoesNotShow() {
        TaskInfo withAgent = new TaskInfo(task.info().id(), task.info().service(), "Invoice export", "my-agent", null);
        form.load(task.folder(), withAgent);
        form.title().textProperty().set("Export invoices as CSV");
        form.url().textProperty().set("git@github.com:acme/billing.git");
        form.branch().textProperty().set("release/2.1");
        form.path().textProperty().set("services/export");
        form.credentialsSecret().textProperty().set("billing-deploy-key");
        form.model().textProperty().set("claude-opus-4-1");
        form.permissionModeProperty().set("acceptEdits");
        form.deadline().textProperty().set("1h30m");
        EnvRow env = form.addEnv();
        env.name().textProperty().set("LOG_LEVEL");
        env.value().textProperty().set("debug");
        SecretRow secret = form.addSecret();
        secret.name().textProperty().set("DB_PASSWORD");
        secret.secret().textProperty().set("billing-db");
        secret.key().textProperty().set("password");
        AtomicReference<TaskInfo> saved = new AtomicReference<>();

        form.save(saved::set);

        TaskInfo written = store.load(task.folder()).info();
        assertThat(saved.get()).isEqualTo(written);
        assertThat(written.title()).isEqualTo("Export invoices as CSV");
        assertThat(written.agent()).as("a field the form does not show").isEqualTo("my-agent");
        assertThat(written.model()).isEqualTo("claude-opus-4-1");
        assertThat(written.settings()).isEqualTo(new TaskSettings(
                new Repository("git@github.com:acme/billing.git", "release/2.1", "services/export", "billing-deploy-key"),
                "acceptEdits", 5400, Map.of("LOG_LEVEL", "debug"), Map.of("DB_PASSWORD", new SecretRef("billing-db", "password"))));
        assertThat(written.settings().problems()).isEmpty();
    }

    @Test
    void aFailedSaveSaysWhyInTheFormAndKeepsWhatWasTyped() {
        store.failWrites = true;
        form.title().textProperty().set("New title");

        form.save(info -> { throw new AssertionError("not saved"); });

        assertThat(form.saveErrorProperty().get()).contains("disk full");
        assertThat(form.title().textProperty().get()).isEqualTo("New title");
        assertThat(form.savingProperty().get()).isFalse();
    }

    @Test
    void aDeadlineInSecondsIsShownWithAUnit() {
        assertThat(TaskSettingsViewModel.formatDeadline(5400)).isEqualTo("90m");
        assertThat(TaskSettingsViewModel.formatDeadline(7200)).isEqualTo("2h");
        assertThat(TaskSettingsViewModel.formatDeadline(95)).isEqualTo("95");
    }
}
