package io.taskconsole.bench;

import io.taskconsole.ui.FxResponsivenessBench;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link FxResponsivenessBench} in a JVM of its own with the options a user's app runs with,
 * and reads back its figures: the bench JVM's own collector and heap (sized for JMH and helm runs)
 * would measure another app.
 */
final class FxBenchJvm {

    private FxBenchJvm() {
    }

    /** The console's figures. */
    static FxResponsivenessBench.Figures run(List<String> jvmOptions, Path temp, int typedChars, int logLines)
            throws IOException, InterruptedException {
        return run(jvmOptions, temp, FxResponsivenessBench.FIGURES_LINE, FxResponsivenessBench.Figures.class,
                temp.toString(), String.valueOf(typedChars), String.valueOf(logLines));
    }

    /** The reference: the same typing into RichTextFX's {@code CodeArea} alone. */
    static FxResponsivenessBench.Typing editorAlone(List<String> jvmOptions, Path temp, int typedChars)
            throws IOException, InterruptedException {
        return run(jvmOptions, temp, FxResponsivenessBench.EDITOR_ALONE_LINE, FxResponsivenessBench.Typing.class,
                "--editor-alone", String.valueOf(typedChars));
    }

    private static <T> T run(List<String> jvmOptions, Path temp, String figuresLine, Class<T> type, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Duser.home=" + temp.resolve("home"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FxResponsivenessBench.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String figures = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(figuresLine)) {
                    figures = line.substring(figuresLine.length());
                } else {
                    tail.add(line);
                    if (tail.size() > 40) {
                        tail.remove(0);
                    }
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        if (figures == null) {
            throw new IllegalStateException("the FX bench printed no figures (exit " + process.exitValue() + "): "
                    + String.join("\n", tail));
        }
        return JsonMapper.builder().build().readValue(figures, type);
    }
}
