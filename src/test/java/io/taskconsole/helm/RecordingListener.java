package io.taskconsole.helm;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line it is given, in arrival order, for assertions. */
class RecordingListener implements OutputListener {

    record Line(Stream stream, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void onLine(Stream stream, String line) {
        lines.add(new Line(stream, line));
    }

    synchronized List<String> lines(Stream stream) {
        return lines.stream().filter(l -> l.stream() == stream).map(Line::text).toList();
    }
}
