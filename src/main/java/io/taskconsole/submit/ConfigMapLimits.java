package io.taskconsole.submit;

import io.taskconsole.task.AsciiNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the API server enforces on a ConfigMap, checked before anything is sent: keys must match
 * {@code [-._a-zA-Z0-9]+} and the whole object must stay under 1 MiB (etcd's request limit).
 */
public final class ConfigMapLimits {

    public static final long MAX_BYTES = 1024L * 1024L;
    /** Room kept for the object's metadata (name, labels, JSON framing). */
    public static final long METADATA_ALLOWANCE = 4 * 1024L;
    /** Kubernetes' limit on a ConfigMap key (a DNS subdomain's length). */
    public static final int MAX_KEY_LENGTH = 253;
    /** How many of the largest files an over-the-limit message names: many small files would fill a screen. */
    static final int FILES_NAMED = 5;
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private ConfigMapLimits() {
    }

    public static boolean isValidKey(String key) {
        return key != null && key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..");
    }

    /** The estimated size of the ConfigMap holding {@code files}. */
    public static long estimatedSize(Map<String, byte[]> files) {
        long size = METADATA_ALLOWANCE;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            size += e.getKey().length() + jsonEscapedLength(e.getValue()) + 6;
        }
        return size;
    }

    public static List<Problem> check(Map<String, byte[]> files) {
        List<Problem> problems = new ArrayList<>();
        for (String key : files.keySet()) {
            if (key.length() > MAX_KEY_LENGTH) {
                problems.add(new Problem(shorten(key), "The file name is " + key.length()
                        + " characters long; a ConfigMap key may have at most " + MAX_KEY_LENGTH,
                        "Rename the file, e.g. to '" + suggestKey(key) + "'"));
            } else if (!isValidKey(key)) {
                problems.add(new Problem(key, "The file name '" + key
                        + "' cannot be a ConfigMap key (allowed: letters, digits, '-', '_' and '.')",
                        "Rename the file, e.g. to '" + suggestKey(key) + "'"));
            }
        }
        long size = estimatedSize(files);
        if (size > MAX_BYTES) {
            StringBuilder sizes = new StringBuilder();
            files.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().length, a.getValue().length))
                    .limit(FILES_NAMED)
                    .forEach(e -> sizes.append(sizes.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                            .append(human(e.getValue().length)));
            if (files.size() > FILES_NAMED) {
                sizes.append(" and ").append(files.size() - FILES_NAMED).append(" more files");
            }
            problems.add(new Problem("files", "The task's files total " + human(size) + ", "
                    + human(size - MAX_BYTES) + " over the 1 MiB ConfigMap limit (" + sizes + ")",
                    "Shorten the largest files or move big material (logs, data) into the repository and link to it"));
        }
        return problems;
    }

    /** A valid key a person would pick: accents dropped ({@code été} → {@code ete}), the rest to dashes. */
    static String suggestKey(String key) {
        String s = AsciiNames.fold(key).replaceAll("[^-._a-zA-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_KEY_LENGTH) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, MAX_KEY_LENGTH - ext.length()).replaceAll("[-.]+$", "") + ext;
        }
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "notes.md" : s.toLowerCase(Locale.ROOT);
    }

    private static String shorten(String key) {
        return key.substring(0, 40) + "…";
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }

    /** JSON escaping grows control characters, quotes and backslashes; Markdown has few. */
    private static long jsonEscapedLength(byte[] value) {
        long n = value.length;
        for (byte b : value) {
            if (b == '"' || b == '\\' || b == '\n' || b == '\r' || b == '\t') {
                n++;
            } else if (b >= 0 && b < 0x20) {
                n += 5;
            }
        }
        return n;
    }
}
