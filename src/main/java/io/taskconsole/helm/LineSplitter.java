package io.taskconsole.helm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines without trusting it: {@code \n} or {@code \r\n} end a line, a last
 * line without one still counts, bytes that are not UTF-8 become U+FFFD, and a line longer than
 * the cap is cut there (its remaining bytes skipped, the cut noted) so one endless line cannot
 * exhaust memory.
 */
final class LineSplitter {

    static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private final int maxLineBytes;

    LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads until end of stream, handing each line to {@code sink} on the calling thread. */
    void split(InputStream in, Consumer<String> sink) throws IOException {
        byte[] line = new byte[Math.min(maxLineBytes, 8192)];
        int length = 0;
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    sink.accept(text(line, length, skipped));
                    length = 0;
                    skipped = 0;
                } else if (length < maxLineBytes) {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                    }
                    line[length++] = b;
                } else {
                    skipped++;
                }
            }
        }
        if (length > 0 || skipped > 0) {
            sink.accept(text(line, length, skipped));
        }
    }

    private static String text(byte[] line, int length, long skipped) {
        int end = length;
        if (skipped == 0 && end > 0 && line[end - 1] == '\r') {
            end--;
        }
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        if (skipped > 0) {
            long total = length + skipped;
            return text + " … [line cut: " + total + " bytes, showing the first " + length + "]";
        }
        return text;
    }
}
