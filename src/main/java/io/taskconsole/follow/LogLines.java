package io.taskconsole.follow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A container log line as the API server sends it with {@code timestamps=true}: the kubelet's RFC 3339
 * time, a space, the text. The time is what lets a reconnect skip what was already read.
 */
record LogLines(Instant time, String text) {

    static LogLines parse(String raw) {
        int space = raw.indexOf(' ');
        if (space > 0) {
            String stamp = raw.substring(0, space);
            try {
                return new LogLines(OffsetDateTime.parse(stamp).toInstant(), raw.substring(space + 1));
            } catch (DateTimeParseException e) {
                // not a time: the whole line is text
            }
        }
        return new LogLines(null, raw);
    }

    String raw() {
        return time == null ? text : time + " " + text;
    }
}
