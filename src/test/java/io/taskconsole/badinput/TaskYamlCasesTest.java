package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.task.TaskFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** task.yaml as people (and tools) break it. */
class TaskYamlCasesTest {

    @TempDir
    Path folder;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(folder.resolve("task.md"), "# Task\n");
        Files.writeString(folder.resolve("design-spec.md"), "# Design\n");
    }

    private String load(String taskYaml) throws IOException {
        Files.writeString(folder.resolve("task.yaml"), taskYaml);
        return messageOf(() -> TaskFolder.load(folder));
    }

    @Test
    @BadInputCase(id = "yaml-broken", area = "task.yaml", input = "Broken YAML (an unclosed `[`)",
            shows = "<folder>/task.yaml is not valid YAML at line 2, column 15: while parsing a flow sequence; "
                    + "expected ',' or ']', but got <stream end>. Fix the YAML syntax "
                    + "(it holds id, service, title, agent, model).")
    void brokenYaml() throws IOException {
        shows(load("id: 1001\nservice: [auth\n"));
    }

    @Test
    @BadInputCase(id = "yaml-missing", area = "task.yaml", input = "No task.yaml in the folder",
            shows = "Missing task.yaml in <folder>. Create it with at least 'id: 1001' and 'service: my-service', or create "
                    + "the task in the app.")
    void missing() {
        shows(messageOf(() -> TaskFolder.load(folder)));
    }

    @Test
    @BadInputCase(id = "yaml-empty", area = "task.yaml", input = "An empty task.yaml",
            shows = "<folder>/task.yaml must be a YAML mapping with id and service. Write for example:\nid: 1001\nservice: auth-service")
    void empty() throws IOException {
        shows(load(""));
    }

    @Test
    @BadInputCase(id = "yaml-no-id", area = "task.yaml", input = "task.yaml without `id`",
            shows = "<folder>/task.yaml has no 'id'. Add 'id: 1001' (a positive integer).")
    void noId() throws IOException {
        shows(load("service: auth-service\n"));
    }

    @Test
    @BadInputCase(id = "yaml-id-list", area = "task.yaml", input = "Wrong type: `id: [1001]`",
            shows = "<folder>/task.yaml: 'id' is a list, but it must be a single value. Write it as 'id: 1001'.")
    void idIsAList() throws IOException {
        shows(load("id: [1001]\nservice: auth-service\n"));
    }

    @Test
    @BadInputCase(id = "yaml-title-mapping", area = "task.yaml", input = "Wrong type: `title:` holding a mapping",
            shows = "<folder>/task.yaml: 'title' is a mapping, but it must be a single value. Write it as 'title: some-text' on one line.")
    void titleIsAMapping() throws IOException {
        shows(load("id: 1001\nservice: auth-service\ntitle:\n  text: Rate limit\n"));
    }

    @Test
    @BadInputCase(id = "yaml-id-text", area = "task.yaml", input = "Wrong type: `id: one`",
            shows = "Task id 'one' is not a positive integer (in <folder>/task.yaml). Use a whole number of 1 or more, for example 1001.")
    void idIsText() throws IOException {
        shows(load("id: one\nservice: auth-service\n"));
    }

    @Test
    @BadInputCase(id = "yaml-unknown-key", area = "task.yaml", input = "An unknown key close to a known one (the typo `titel:`)",
            shows = "<folder>/task.yaml has an unknown key 'titel' (did you mean 'title'?). Correct its spelling: as "
                    + "written, the setting is not used.",
            outcome = "Refused; a key that resembles none of Task Console's (another tool's) is kept as written.")
    void unknownKey() throws IOException {
        shows(load("id: 1001\nservice: auth-service\ntitel: Rate limit\n"));
    }

    @Test
    @BadInputCase(id = "yaml-alias-bomb", area = "task.yaml", input = "An alias bomb (\"billion laughs\": nested aliases of aliases)",
            shows = "<folder>/task.yaml: 'title' is a mapping, but it must be a single value. Write it as 'title: some-text' on one line.",
            outcome = "Refused at once: aliases are not expanded, and only single values are read.")
    void aliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder("id: 1001\nservice: auth-service\ntitle:\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        shows(load(yaml.toString()));
    }

    @Test
    @BadInputCase(id = "yaml-huge", area = "task.yaml", input = "A 10 MB task.yaml",
            shows = "<folder>/task.yaml is 10485799 bytes; a task.yaml holds only id, service, title, agent, model, so it may "
                    + "have at most 65536 bytes. Move long text into task.md or design-spec.md and keep task.yaml to those keys.")
    void huge() throws IOException {
        shows(load("id: 1001\nservice: auth-service\ntitle: " + "x".repeat(10 * 1024 * 1024) + "\n"));
    }
}
