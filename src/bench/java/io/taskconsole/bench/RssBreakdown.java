package io.taskconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a process's resident memory is, from {@code /proc/PID/smaps}: a bare RSS figure says the app
 * is bigger than the hello-world, this says which part (the class archive, anonymous
 * memory that holds the Java heap and native allocations) makes the difference.
 */
record RssBreakdown(long totalKb, Map<String, Long> partsKb) {

    static final String CDS = "Class data archive (.jsa)";
    static final String GL = "Mesa/LLVM, loaded while JavaFX probes OpenGL";
    static final String ANON = "Anonymous (Java heap, native allocations, stacks)";
    static final String JVM = "JVM library (libjvm.so)";
    static final String OTHER = "Other files (GTK, JavaFX, fonts, …)";
    static final List<String> PARTS = List.of(ANON, CDS, JVM, GL, OTHER);

    static Optional<RssBreakdown> read(long pid) throws IOException {
        Path smaps = Path.of("/proc", Long.toString(pid), "smaps");
        if (!Files.isReadable(smaps)) {
            return Optional.empty();
        }
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.forEach(p -> parts.put(p, 0L));
        long total = 0;
        String part = OTHER;
        for (String line : Files.readAllLines(smaps)) {
            if (isMappingHeader(line)) {
                part = classify(line);
            } else if (line.startsWith("Rss:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                parts.merge(part, kb, Long::sum);
                total += kb;
            }
        }
        return Optional.of(new RssBreakdown(total, parts));
    }

    /** A mapping's first line: an address range such as {@code 7f50d9000000-7f50e0000000 r-xp ...}. */
    private static boolean isMappingHeader(String line) {
        int dash = line.indexOf('-');
        return dash > 0 && line.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0)
                && line.indexOf(' ') > dash;
    }

    private static String classify(String header) {
        String[] fields = header.trim().split("\\s+", 6);
        String path = fields.length == 6 ? fields[5] : "";
        if (path.isEmpty() || path.startsWith("[")) {
            return ANON;
        }
        if (path.endsWith("libjvm.so")) {
            return JVM;
        }
        if (path.endsWith(".jsa")) {
            return CDS;
        }
        if (path.contains("libLLVM") || path.contains("_dri.so") || path.contains("libGL")) {
            return GL;
        }
        return OTHER;
    }
}
