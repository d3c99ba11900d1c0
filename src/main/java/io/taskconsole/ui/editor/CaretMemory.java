package io.taskconsole.ui.editor;

import io.taskconsole.ui.common.AppSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caret and scroll place of each file of the most recently edited tasks, kept in the app's
 * settings (one key per task folder, so the file stays readable) and bounded to {@link #MAX_TASKS}
 * folders: the least recently left task is forgotten first. Each value carries a sequence number,
 * as a properties file keeps no order. Call on the UI thread; {@link AppSettings#save()} writes it.
 */
public final class CaretMemory {

    static final String PREFIX = "editor.caret.";
    public static final int MAX_TASKS = 50;

    private final AppSettings settings;
    /** Task folder to file name to place, least recent first. */
    private final LinkedHashMap<String, Map<String, CaretPlace>> tasks = new LinkedHashMap<>();
    private long sequence;

    public CaretMemory(AppSettings settings) {
        this.settings = settings;
        record Stored(String folder, long sequence, Map<String, CaretPlace> places) {
        }
        List<Stored> stored = new ArrayList<>();
        for (String key : settings.keys(PREFIX)) {
            String value = settings.get(key, "");
            int semicolon = value.indexOf(';');
            try {
                long seq = Long.parseLong(semicolon < 0 ? value : value.substring(0, semicolon));
                stored.add(new Stored(key.substring(PREFIX.length()), seq,
                        semicolon < 0 ? Map.of() : parse(value.substring(semicolon + 1))));
            } catch (NumberFormatException e) {
                settings.put(key, null); // edited by hand into something unreadable: forgotten, not fatal
            }
        }
        stored.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        for (Stored s : stored) {
            tasks.put(s.folder(), s.places());
            sequence = Math.max(sequence, s.sequence());
        }
        evict();
    }

    /** The remembered places of the files of {@code folder}, by file name; empty if none. */
    public Map<String, CaretPlace> places(Path folder) {
        return Map.copyOf(tasks.getOrDefault(folder.toString(), Map.of()));
    }

    /** Remembers the places of {@code folder}'s files, making it the most recent task. */
    public void remember(Path folder, Map<String, CaretPlace> places) {
        String key = folder.toString();
        tasks.remove(key);
        tasks.put(key, Map.copyOf(places));
        sequence++;
        settings.put(PREFIX + key, sequence + ";" + format(places));
        evict();
    }

    private void evict() {
        Iterator<String> oldest = tasks.keySet().iterator();
        while (tasks.size() > MAX_TASKS && oldest.hasNext()) {
            settings.put(PREFIX + oldest.next(), null);
            oldest.remove();
        }
    }

    /** File names are [A-Za-z0-9._-]+.md, so ':' and ';' never occur in them. */
    private static String format(Map<String, CaretPlace> places) {
        StringBuilder text = new StringBuilder();
        places.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            CaretPlace p = e.getValue();
            text.append(e.getKey()).append(':').append(p.paragraph()).append(':').append(p.column())
                    .append(':').append(p.topParagraph());
        });
        return text.toString();
    }

    private static Map<String, CaretPlace> parse(String text) {
        Map<String, CaretPlace> places = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            String[] parts = entry.split(":");
            if (parts.length == 4) {
                try {
                    places.put(parts[0], new CaretPlace(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                            Integer.parseInt(parts[3])));
                } catch (NumberFormatException e) {
                    // one unreadable entry: that file opens at the top
                }
            }
        }
        return places;
    }
}
