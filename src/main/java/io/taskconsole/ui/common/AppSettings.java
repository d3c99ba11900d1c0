package io.taskconsole.ui.common;

import io.taskconsole.task.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What the console remembers between runs (workspace, theme, window layout, cluster target, the
 * task that was open), as a small properties file in the user's config directory. Never holds a
 * secret: the kubeconfig and the orchestrator's token file are remembered by path only.
 */
public final class AppSettings {

    public static final String WORKSPACE = "workspace";
    public static final String THEME = "theme";
    public static final String OPEN_TASK = "task.open";
    public static final String OPEN_TAB = "task.tab";
    public static final String KUBECONFIG = "cluster.kubeconfig";
    public static final String CONTEXT = "cluster.context";
    public static final String NAMESPACE = "cluster.namespace";
    public static final String HELM = "helm.path";
    public static final String CHART = "helm.chart";
    public static final String TIMEOUT = "cluster.timeout";
    public static final String WAIT = "cluster.wait";
    public static final String VALUES_FILES = "cluster.valuesFiles";
    public static final String STORAGE_CLASS = "cluster.storageClass";
    /** The editor's font: "monospaced" or "proportional". */
    public static final String EDITOR_FONT = "editor.font";
    public static final String EDITOR_FONT_SIZE = "editor.fontSize";
    public static final String EDITOR_WRAP = "editor.wrap";
    /** {@code kubernetes} or {@code orchestrator}: which kind of target the Cluster pane sends to. */
    public static final String TARGET_KIND = "target.kind";
    public static final String ORCHESTRATOR_URL = "orchestrator.url";
    /** The token file's path, never the token. */
    public static final String TOKEN_FILE = "orchestrator.tokenFile";

    private final Path file;
    private final Properties values = new Properties();

    private AppSettings(Path file) {
        this.file = file;
    }

    /** Reads {@code settings.properties} in {@code configDir}; a missing or unreadable file gives defaults. */
    public static AppSettings load(Path configDir) {
        AppSettings settings = new AppSettings(configDir.resolve("settings.properties"));
        if (Files.isRegularFile(settings.file)) {
            try (Reader reader = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                settings.values.clear();
            }
        }
        return settings;
    }

    /**
     * The directory for settings, drafts' session state and the log: {@code taskconsole.config.dir}
     * if set (tests), else the platform's usual per-user config location.
     */
    public static Path defaultConfigDir() {
        String override = System.getProperty("taskconsole.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Task Console");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("Task Console");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("task-console");
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized void put(String key, String value) {
        if (value == null || value.isBlank()) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** The keys that start with {@code prefix}, for settings kept one key per item (e.g. per task). */
    public synchronized java.util.List<String> keys(String prefix) {
        return values.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    public void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    /** Writes the file atomically, readable by the user only (it names their clusters and folders); call off the FX thread. */
    public void save() throws IOException {
        StringWriter text = new StringWriter();
        synchronized (this) {
            values.store(text, "Task Console settings");
        }
        AtomicFiles.writeOwnerOnly(file, text.toString());
    }
}
