package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's own files name the user's clusters, folders and errors: the settings (which the next
 * start restores from) and the log are the user's only, whatever the umask, and are never written
 * through a link someone put in their place.
 */
class OwnerOnlyFilesTest {

    @TempDir
    Path temp;
    Path configDir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX file modes only");
        configDir = temp.resolve("config/task-console");
    }

    @Test
    void settingsAreWrittenOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
        AppSettings settings = AppSettings.load(configDir);
        settings.put(AppSettings.KUBECONFIG, "/home/pm/.kube/config");
        settings.save();

        Path file = configDir.resolve("settings.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir))).isEqualTo("rwx------");
        assertThat(AppSettings.load(configDir).get(AppSettings.KUBECONFIG)).contains("/home/pm/.kube/config");
    }

    @Test
    void settingsThatWereReadableByOthersBecomeOwnerOnlyOnTheNextSave() throws IOException {
        Files.createDirectories(configDir);
        Path file = configDir.resolve("settings.properties");
        Files.writeString(file, "theme=dark\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AppSettings.load(configDir).save();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theLogFileIsOwnerOnly() throws IOException {
        AppLog log = new AppLog(configDir.resolve("logs/task-console.log"));
        log.info("started");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file().getParent()))).isEqualTo("rwx------");
        assertThat(log.file()).content().contains("INFO started");
    }

    @Test
    void theSettingsAreNeverWrittenThroughALink() throws IOException {
        Files.createDirectories(configDir);
        Path elsewhere = temp.resolve("elsewhere.txt");
        Files.writeString(elsewhere, "keep me");
        Files.createSymbolicLink(configDir.resolve("settings.properties"), elsewhere);

        AppSettings settings = AppSettings.load(configDir);
        settings.put(AppSettings.THEME, "dark");
        org.assertj.core.api.Assertions.assertThatThrownBy(settings::save)
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link to " + elsewhere);
        assertThat(elsewhere).hasContent("keep me");
    }
}
