package io.taskconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The facts about the machine that a reader needs to judge the figures (read from /proc and /etc on Linux). */
record MachineInfo(String cpu, int cores, String memory, String os, String kernel, String jdk, String loadAverage) {

    static MachineInfo describe(Optional<Path> runtimeRelease) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(MachineInfo::unquote)
                .orElse(System.getProperty("os.name"));
        String jdk = runtimeRelease.flatMap(r -> firstValue(r, "JAVA_VERSION")).map(MachineInfo::unquote)
                .map(v -> v + " (the app-image's jlink runtime)")
                .orElse(System.getProperty("java.vm.version"));
        return new MachineInfo(cpu, Runtime.getRuntime().availableProcessors(), memory, os,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), jdk, currentLoadAverage());
    }

    static String currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
                    return Optional.of(line.substring(sep + 1).trim());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.replaceAll("^\"|\"$", "");
    }
}
