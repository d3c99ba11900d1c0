package io.taskconsole.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where {@link HelmLocator} looks for helm: the directories of {@code PATH} first, then the places
 * installers usually put it.
 *
 * <p>The install directories matter because a GUI app started from the macOS Dock or a Linux
 * desktop menu does not inherit the PATH of the user's shell, so {@code /opt/homebrew/bin} and
 * friends are often missing from it. Everything is passed in, so tests can point the search at a
 * temporary directory instead of the machine's real helm.
 */
public record HelmSearchPath(List<Path> pathDirs, List<Path> installDirs, boolean windows) {

    public HelmSearchPath {
        pathDirs = List.copyOf(pathDirs);
        installDirs = List.copyOf(installDirs);
    }

    /** The search path of this machine and user. */
    public static HelmSearchPath fromSystem() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return of(System.getenv("PATH"), Path.of(System.getProperty("user.home")), windows, System.getenv());
    }

    /**
     * Builds the search path from a {@code PATH} value (may be {@code null}), a home directory and
     * the environment variables Windows installers are found by.
     */
    public static HelmSearchPath of(String pathVariable, Path home, boolean windows, Map<String, String> env) {
        return new HelmSearchPath(splitPath(pathVariable, windows), usualInstallDirs(home, windows, env), windows);
    }

    /** The executable's file name helm has on this platform. */
    public String executableName() {
        return windows ? "helm.exe" : "helm";
    }

    /** Every directory to look in, PATH first, without duplicates. */
    public List<Path> allDirs() {
        LinkedHashSet<Path> all = new LinkedHashSet<>(pathDirs);
        all.addAll(installDirs);
        return List.copyOf(all);
    }

    static List<Path> splitPath(String pathVariable, boolean windows) {
        List<Path> dirs = new ArrayList<>();
        if (pathVariable == null) {
            return dirs;
        }
        for (String entry : pathVariable.split(windows ? ";" : ":")) {
            String dir = entry.strip();
            if (windows && dir.length() > 1 && dir.startsWith("\"") && dir.endsWith("\"")) {
                dir = dir.substring(1, dir.length() - 1);
            }
            if (dir.isEmpty()) {
                continue;
            }
            try {
                dirs.add(Path.of(dir));
            } catch (RuntimeException e) {
                // An entry that is not a valid path for this file system cannot hold helm.
            }
        }
        return dirs;
    }

    static List<Path> usualInstallDirs(Path home, boolean windows, Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        if (windows) {
            String programFiles = env.getOrDefault("ProgramFiles", "C:\\Program Files");
            String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
            dirs.add(Path.of(programFiles, "helm"));
            dirs.add(Path.of(programData, "chocolatey", "bin"));
            dirs.add(home.resolve("scoop").resolve("shims"));
            String localAppData = env.get("LOCALAPPDATA");
            if (localAppData != null && !localAppData.isBlank()) {
                dirs.add(Path.of(localAppData, "Microsoft", "WinGet", "Links"));
            }
            dirs.add(home.resolve("bin"));
        } else {
            dirs.add(Path.of("/opt/homebrew/bin"));
            dirs.add(Path.of("/usr/local/bin"));
            dirs.add(Path.of("/usr/bin"));
            dirs.add(home.resolve("bin"));
            dirs.add(home.resolve(".local").resolve("bin"));
            dirs.add(Path.of("/snap/bin"));
            dirs.add(Path.of("/home/linuxbrew/.linuxbrew/bin"));
        }
        return dirs;
    }
}
