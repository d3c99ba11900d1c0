package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmLocatorTest {

    @TempDir
    Path tmp;

    private HelmLocator locatorOver(List<Path> pathDirs, List<Path> installDirs) {
        return new HelmLocator(new HelmSearchPath(pathDirs, installDirs, false), Duration.ofSeconds(20));
    }

    @Test
    void findsTheRealHelmAndReadsItsVersion() {
        HelmBinary helm = TestHelm.real();

        assertThat(helm.path()).isAbsolute();
        assertThat(Files.isExecutable(helm.path())).isTrue();
        assertThat(helm.version()).startsWith("v3.18.0");
    }

    @Test
    void findsHelmOnPathBeforeTheInstallDirectories() throws IOException {
        Path onPath = TestHelm.script(tmp.resolve("path"), "helm", "echo v3.17.1+gonpath");
        TestHelm.script(tmp.resolve("usual"), "helm", "echo v3.1.0+gusual");

        HelmBinary helm = locatorOver(List.of(tmp.resolve("empty"), tmp.resolve("path")), List.of(tmp.resolve("usual"))).locate(null);

        assertThat(helm.path()).isEqualTo(onPath);
        assertThat(helm.version()).isEqualTo("v3.17.1+gonpath");
    }

    @Test
    void fallsBackToTheUsualInstallDirectoriesWhenPathLacksHelm() throws IOException {
        Path usual = TestHelm.script(tmp.resolve("usual"), "helm", "echo v3.18.0+gusual");
        Files.createDirectories(tmp.resolve("path"));
        Files.writeString(tmp.resolve("path").resolve("helm"), "not executable");

        HelmBinary helm = locatorOver(List.of(tmp.resolve("path")), List.of(tmp.resolve("usual"))).locate(null);

        assertThat(helm.path()).isEqualTo(usual);
    }

    @Test
    void missingHelmNamesWhereItLookedAndHowToInstall() {
        Path usual = tmp.resolve("usual-bin");

        assertThatThrownBy(() -> locatorOver(List.of(tmp), List.of(usual)).locate(null))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("helm was not found on PATH or in " + usual);
                    assertThat(e.fix()).contains("Install helm v3 (https://helm.sh/docs/intro/install/)")
                            .contains("Settings / --helm");
                });
    }

    @Test
    void rejectsHelm2() throws IOException {
        TestHelm.script(tmp, "helm", "echo 'Client: v2.17.0+ga690bad'\necho 'Error: could not find tiller' >&2\nexit 1");

        assertThatThrownBy(() -> locatorOver(List.of(tmp), List.of()).locate(null))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).contains("v2.17.0").contains("needs helm v3").contains(tmp.toString());
                    assertThat(e.fix()).contains("helm.sh/docs/intro/install");
                });
    }

    @Test
    void rejectsHelm4() throws IOException {
        TestHelm.script(tmp, "helm", "echo v4.0.0+g1234567");

        assertThatThrownBy(() -> locatorOver(List.of(tmp), List.of()).locate(null))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("is v4.0.0+g1234567, but Task Console needs helm v3");
    }

    @Test
    void rejectsAProgramThatPrintsNoVersion() throws IOException {
        TestHelm.script(tmp, "helm", "echo 'usage: something else'");

        assertThatThrownBy(() -> locatorOver(List.of(tmp), List.of()).locate(null))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("did not report a helm version")
                .hasMessageContaining("usage: something else");
    }

    @Test
    void givesUpOnAHelmThatNeverAnswers() throws IOException {
        TestHelm.script(tmp, "helm", "sleep 600");
        HelmLocator impatient = new HelmLocator(new HelmSearchPath(List.of(tmp), List.of(), false), Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.locate(null))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.FAILED);
                    assertThat(e.getMessage()).contains("did not answer");
                });
    }

    @Test
    void aConfiguredPathWinsOverPath() throws IOException {
        TestHelm.script(tmp.resolve("path"), "helm", "echo v3.10.0");
        Path configured = TestHelm.script(tmp.resolve("custom"), "my-helm", "echo v3.18.0+gcustom");

        HelmBinary helm = locatorOver(List.of(tmp.resolve("path")), List.of()).locate(configured);

        assertThat(helm.path()).isEqualTo(configured);
        assertThat(helm.version()).isEqualTo("v3.18.0+gcustom");
    }

    @Test
    void aConfiguredDirectoryMeansTheHelmInIt() throws IOException {
        Path inside = TestHelm.script(tmp.resolve("custom"), "helm", "echo v3.18.0");

        assertThat(locatorOver(List.of(), List.of()).locate(tmp.resolve("custom")).path()).isEqualTo(inside);
    }

    @Test
    void aConfiguredPathThatDoesNotExistIsAnErrorNamingIt() throws IOException {
        TestHelm.script(tmp.resolve("path"), "helm", "echo v3.18.0");
        Path missing = tmp.resolve("nowhere").resolve("helm");

        assertThatThrownBy(() -> locatorOver(List.of(tmp.resolve("path")), List.of()).locate(missing))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
                });
    }

    @Test
    void usualInstallDirectoriesCoverHomebrewAndTheUsersBin() {
        Path home = Path.of("/home/pm");

        HelmSearchPath unix = HelmSearchPath.of("/usr/bin:/bin", home, false, Map.of());

        assertThat(unix.pathDirs()).containsExactly(Path.of("/usr/bin"), Path.of("/bin"));
        assertThat(unix.installDirs()).contains(Path.of("/opt/homebrew/bin"), Path.of("/usr/local/bin"),
                home.resolve("bin"), home.resolve(".local/bin"), Path.of("/snap/bin"));
        assertThat(unix.allDirs()).startsWith(Path.of("/usr/bin"), Path.of("/bin")).doesNotHaveDuplicates();
        assertThat(unix.executableName()).isEqualTo("helm");
    }

    @Test
    void onWindowsHelmIsAnExeFoundInProgramFilesAndTheShimDirectories() {
        Path home = Path.of("pm-home");

        HelmSearchPath windows = HelmSearchPath.of("\"C:\\tools\";;C:\\bin", home, true,
                Map.of("ProgramFiles", "PF", "ProgramData", "PD"));

        assertThat(windows.executableName()).isEqualTo("helm.exe");
        assertThat(windows.pathDirs()).containsExactly(Path.of("C:\\tools"), Path.of("C:\\bin"));
        assertThat(windows.installDirs()).contains(Path.of("PF", "helm"), Path.of("PD", "chocolatey", "bin"),
                home.resolve("scoop").resolve("shims"));
    }
}
