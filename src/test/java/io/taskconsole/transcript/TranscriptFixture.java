package io.taskconsole.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded Claude Code session the transcript tests read (src/test/resources/.../claude-session.jsonl). */
public final class TranscriptFixture {

    private TranscriptFixture() {
    }

    public static String text() {
        try (InputStream in = TranscriptFixture.class.getResourceAsStream("claude-session.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines() {
        return text().lines().toList();
    }
}
