package io.taskconsole.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private final List<TranscriptEntry> entries = TranscriptParser.parseAll(TranscriptFixture.lines());
    private final String text = TranscriptText.render(entries);

    @Test
    void theSessionStartNamesTheModelAndTools() {
        assertThat(entries.get(0)).isInstanceOfSatisfying(TranscriptEntry.SessionStart.class, s -> {
            assertThat(s.model()).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(s.tools()).hasSize(16).contains("Bash", "Edit", "Read");
        });
        assertThat(text.lines().findFirst()).hasValue("● Session started: model claude-sonnet-4-5-20250929, 16 tools"
                + " (Task, Bash, Glob, Grep, LS, ExitPlanMode, Read, Edit, …), in /workspace/auth-service");
    }

    @Test
    void theAssistantsTextIsShownWhole() {
        assertThat(text).contains("Claude: The handler checks the password directly. I'll add a limiter backed by Redis:\n"
                + "\n        1. `internal/ratelimit/limiter.go` with per-account and per-IP counters\n"
                + "        2. wire it into `Login`\n");
    }

    @Test
    void eachToolCallSaysWhatItTouches() {
        assertThat(entries).filteredOn(TranscriptEntry.ToolCall.class::isInstance)
                .extracting(e -> TranscriptText.header(e))
                .containsExactly(
                        "→ Read: /workspace/task/task.md",
                        "→ Grep: func .*Login in internal/http",
                        "→ TodoWrite: 3 to-dos, 0 done",
                        "→ Write: /workspace/auth-service/internal/ratelimit/limiter.go (15 lines)",
                        "→ Edit: /workspace/auth-service/internal/http/login.go",
                        "→ Bash: go test ./...",
                        "→ MultiEdit: /workspace/auth-service/internal/http/login.go (2 edits)",
                        "→ Bash: go test ./... 2>&1 | tail -5",
                        "→ Bash: git checkout -b task-AUTH-142 && git add -A && git commit -m \"Rate-limit failed logins per account and per IP\"");
    }

    @Test
    void toolResultsAreCollapsedToTheirFirstLinesAndErrorsMarked() {
        assertThat(text).contains("→ Bash: go test ./...\n"
                + "  ✗ error from Bash\n"
                + "    # github.com/acme/auth-service/internal/http [github.com/acme/auth-service/internal/http.test]\n"
                + "    internal/http/login.go:44:21: h.limiter undefined (type *Handler has no field or method limiter)\n"
                + "    internal/http/login.go:45:4: undefined: tooManyRequests\n"
                + "    … 4 more lines\n");
        // A result given as a list of text blocks reads as its text; a success is not marked as an error.
        assertThat(text).contains("  ✓ from Bash\n    ok  \tgithub.com/acme/auth-service/internal/http\t0.412s\n");
        assertThat(entries).filteredOn(TranscriptEntry.ToolResult.class::isInstance)
                .filteredOn(e -> ((TranscriptEntry.ToolResult) e).error()).hasSize(1);
    }

    @Test
    void theResultEventIsTheSummary() {
        AgentResult result = entries.stream().filter(TranscriptEntry.Result.class::isInstance)
                .map(e -> ((TranscriptEntry.Result) e).result()).findFirst().orElseThrow();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.turns()).isEqualTo(19);
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(221480));
        assertThat(result.describe()).isEqualTo("Succeeded: 19 turns, 3m 41s, $0.4821");
        assertThat(result.text()).contains("```acceptance-report");
        assertThat(text).contains("■ Succeeded: 19 turns, 3m 41s, $0.4821\n  The rate limit is in place");
    }

    @Test
    void aLineThatIsNotJsonIsShownAsWritten() {
        assertThat(entries.get(1)).isEqualTo(new TranscriptEntry.Unreadable(
                "claude-code: warning: git repository has uncommitted changes; continuing", "not JSON"));
        assertThat(text).contains("[not JSON] claude-code: warning: git repository has uncommitted changes; continuing\n");
    }

    @Test
    void anUnknownEventIsShownAsWritten() {
        String line = TranscriptFixture.lines().stream().filter(l -> l.contains("\"stream_event\"")).findFirst().orElseThrow();
        assertThat(entries).contains(new TranscriptEntry.Unreadable(line, "unknown event 'stream_event'"));
        assertThat(text).contains("[unknown event 'stream_event'] " + line + "\n");
    }

    @Test
    void noLineIsDropped() {
        // Every line of the fixture gives at least one entry: 24 lines, two assistant lines with two blocks each.
        assertThat(TranscriptFixture.lines()).hasSize(24);
        assertThat(entries).hasSize(26);
    }

    @Test
    void failuresSayWhy() {
        TranscriptParser parser = new TranscriptParser();
        List<TranscriptEntry> maxTurns = parser.accept("{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,"
                + "\"num_turns\":1,\"duration_ms\":850}");
        assertThat(TranscriptText.header(maxTurns.get(0)))
                .isEqualTo("■ Failed (the agent reached its turn limit): 1 turn, 850 ms");
        assertThat(parser.accept("[1,2]")).containsExactly(new TranscriptEntry.Unreadable("[1,2]", "not a JSON object"));
        assertThat(parser.accept("{\"type\":\"assistant\"}"))
                .containsExactly(new TranscriptEntry.Unreadable("{\"type\":\"assistant\"}", "event without content"));
        assertThat(parser.accept("   ")).isEmpty();
    }
}
