package io.taskconsole.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.AppSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaretMemoryTest {

    @TempDir
    Path temp;

    @Test
    void keepsTheFiftyMostRecentTasksAcrossASaveAndLoad() throws Exception {
        AppSettings settings = AppSettings.load(temp);
        CaretMemory memory = new CaretMemory(settings);
        for (int i = 1; i <= 60; i++) {
            memory.remember(temp.resolve("task-" + i), Map.of("task.md", new CaretPlace(i, 0, i)));
        }
        memory.remember(temp.resolve("task-5"), Map.of("task.md", new CaretPlace(500, 1, 490))); // left again: recent
        settings.save();

        AppSettings reloaded = AppSettings.load(temp);
        CaretMemory after = new CaretMemory(reloaded);
        assertThat(reloaded.keys("editor.caret.")).hasSize(CaretMemory.MAX_TASKS);
        assertThat(after.places(temp.resolve("task-5"))).containsEntry("task.md", new CaretPlace(500, 1, 490));
        assertThat(after.places(temp.resolve("task-60"))).containsEntry("task.md", new CaretPlace(60, 0, 60));
        assertThat(after.places(temp.resolve("task-12"))).containsEntry("task.md", new CaretPlace(12, 0, 12));
        assertThat(after.places(temp.resolve("task-11"))).as("the least recent beyond fifty").isEmpty();
        assertThat(after.places(temp.resolve("task-1"))).isEmpty();

        // The order survives the file: one more task forgets task-12, not the re-left task-5.
        after.remember(temp.resolve("task-61"), Map.of());
        assertThat(after.places(temp.resolve("task-12"))).isEmpty();
        assertThat(after.places(temp.resolve("task-5"))).isNotEmpty();
    }

    @Test
    void anEntryEditedIntoNonsenseIsForgottenNotFatal() throws Exception {
        Files.writeString(temp.resolve("settings.properties"),
                "editor.caret./a=garbage\neditor.caret./b=3;task.md:x:1:2;design-spec.md:4:5:6\n");
        CaretMemory memory = new CaretMemory(AppSettings.load(temp));

        assertThat(memory.places(Path.of("/a"))).isEmpty();
        assertThat(memory.places(Path.of("/b"))).containsExactly(Map.entry("design-spec.md", new CaretPlace(4, 5, 6)));
    }
}
