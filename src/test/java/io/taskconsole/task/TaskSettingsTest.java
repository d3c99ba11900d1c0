package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSettingsTest {

    @TempDir
    Path folder;

    private static final String WRITTEN_BY_HAND = """
            # Rate limiting for the login endpoint. Owner: platform team.
            id: 1001
            service: auth-service
            title: Rate-limit failed logins   # shown in the console
            agent: claude-code
            model: claude-sonnet-4-5
            # Reviewers read this before merging.
            reviewers:
              - ana
              - bo
            repository:
              url: https://github.com/acme/auth-service.git
              branch: main  # the release branch is cut from here
              mirror: internal   # ours, not the app's
            env:
              # verbose while we debug the limiter
              LOG_LEVEL: debug
            secrets:
              DB_PASSWORD: {secret: auth-db, key: password}
            """;

    private TaskInfo load() {
        return TaskFolder.load(folder).info();
    }

    @Test
    void readsEverySetting() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), WRITTEN_BY_HAND + "permission_mode: acceptEdits\nactive_deadline: 90m\n");

        TaskSettings settings = load().settings();

        assertThat(settings.repository()).isEqualTo(new Repository("https://github.com/acme/auth-service.git", "main", ""));
        assertThat(settings.permissionMode()).isEqualTo("acceptEdits");
        assertThat(settings.activeDeadlineSeconds()).isEqualTo(5400);
        assertThat(settings.env()).containsExactly(Map.entry("LOG_LEVEL", "debug"));
        assertThat(settings.secrets()).containsExactly(Map.entry("DB_PASSWORD", new SecretRef("auth-db", "password")));
    }

    @Test
    void savingKeepsTheUsersCommentsAndKeysAndChangesOnlyWhatChanged() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), WRITTEN_BY_HAND);
        TaskInfo info = load();
        Map<String, String> env = new LinkedHashMap<>(info.settings().env());
        env.put("FEATURE_X", "on");
        TaskSettings changed = new TaskSettings(new Repository("git@github.com:acme/auth-service.git", "develop", "services/auth"),
                "acceptEdits", 3600, env, info.settings().secrets());

        TaskFolder.writeInfo(folder, info.withSettings(changed));

        String saved = Files.readString(folder.resolve("task.yaml"));
        assertThat(saved)
                .contains("# Rate limiting for the login endpoint. Owner: platform team.")
                .contains("# shown in the console")
                .contains("# Reviewers read this before merging.")
                .contains("reviewers:")
                .contains("- ana")
                .contains("mirror: internal")
                .contains("# ours, not the app's")
                .contains("# verbose while we debug the limiter")
                .contains("branch: develop")
                .contains("path: services/auth")
                .contains("FEATURE_X: on")
                .contains("permission_mode: acceptEdits")
                .contains("active_deadline: 3600");
        assertThat(saved.indexOf("reviewers:")).isLessThan(saved.indexOf("repository:"));
        assertThat(load()).isEqualTo(info.withSettings(changed));
    }

    @Test
    void savingWhatWasReadLeavesTheFileAsItWas() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), WRITTEN_BY_HAND);
        TaskFolder.writeInfo(folder, load());
        TaskInfo again = load();
        String once = Files.readString(folder.resolve("task.yaml"));
        TaskFolder.writeInfo(folder, again);
        assertThat(Files.readString(folder.resolve("task.yaml"))).isEqualTo(once);
        assertThat(once).contains("# Reviewers read this before merging.", "# the release branch is cut from here");
    }

    @Test
    void aRemovedSettingLeavesTheFile() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), WRITTEN_BY_HAND);
        TaskFolder.writeInfo(folder, load().withSettings(TaskSettings.NONE));
        String saved = Files.readString(folder.resolve("task.yaml"));
        assertThat(saved).doesNotContain("repository:", "LOG_LEVEL", "DB_PASSWORD").contains("reviewers:");
    }

    @Test
    void everyBadSettingIsListedWithItsFix() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), """
                id: 1001
                service: auth-service
                permission_mode: yolo
                active_deadline: soon
                repository:
                  url: https://bot:ghp_secret123@github.com/acme/auth-service.git
                  path: ../etc
                env:
                  ANTHROPIC_API_KEY: stolen
                  9LIVES: x
                secrets:
                  TASK_ID: {secret: ids, key: id}
                  DB: {secret: Auth_DB, key: "pass word"}
                  TOKEN: ghp_plaintext
                """);

        assertThatThrownBy(this::load).isInstanceOfSatisfying(TaskConsoleException.class, e -> {
            assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
            assertThat(e.getMessage())
                    .contains("10 problems")
                    .contains("Permission mode 'yolo'")
                    .contains("Deadline 'soon' is not a duration")
                    .contains("must not hold credentials: remove 'user:token@'")
                    .contains("Repository path '../etc'")
                    .contains("'ANTHROPIC_API_KEY' is set by the chart itself")
                    .contains("Env name '9LIVES' is not valid")
                    .contains("'TASK_ID' is set by the chart itself")
                    .contains("Secret name 'Auth_DB' is not a Kubernetes name")
                    .contains("Secret key 'pass word' is not valid")
                    .contains("Secret 'TOKEN' must be {secret: <Secret name>, key: <key>}")
                    .doesNotContain("ghp_secret123");
        });
    }

    @Test
    void urlsTheAgentCanCloneAreAccepted() {
        assertThat(SettingsRules.repositoryUrl("https://github.com/acme/auth.git")).isEmpty();
        assertThat(SettingsRules.repositoryUrl("ssh://git@gitlab.example.com:2222/acme/auth.git")).isEmpty();
        assertThat(SettingsRules.repositoryUrl("git@github.com:acme/auth.git")).isEmpty();
        assertThat(SettingsRules.repositoryUrl("http://github.com/acme/auth.git")).hasValueSatisfying(p -> assertThat(p).contains("https://"));
        assertThat(SettingsRules.repositoryUrl("file:///srv/auth.git")).isPresent();
        assertThat(SettingsRules.repositoryUrl("https://token@github.com/acme/auth.git")).isPresent();
    }
}
