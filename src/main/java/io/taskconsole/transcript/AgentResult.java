package io.taskconsole.transcript;

import java.time.Duration;
import java.util.Locale;

/**
 * The agent's own account of how its session ended: Claude Code's final {@code result} event.
 *
 * @param subtype    {@code success}, {@code error_max_turns}, {@code error_during_execution}, or what
 *                   a newer Claude Code writes (kept as written)
 * @param error      the event's {@code is_error}
 * @param turns      {@code num_turns}, or {@code null} when absent
 * @param duration   {@code duration_ms}, or {@code null} when absent
 * @param costUsd    {@code total_cost_usd}, or {@code null} when absent
 * @param text       the final {@code result} text (where the acceptance report is), or {@code ""}
 */
public record AgentResult(String subtype, boolean error, Integer turns, Duration duration, Double costUsd, String text) {

    /** Success only when Claude Code says so twice: the subtype and {@code is_error}. */
    public boolean succeeded() {
        return !error && "success".equals(subtype);
    }

    /** One line for a summary: "Succeeded: 12 turns, 3m 41s, $0.4213". */
    public String describe() {
        StringBuilder s = new StringBuilder(succeeded() ? "Succeeded" : "Failed (" + reason() + ")");
        StringBuilder facts = new StringBuilder();
        if (turns != null) {
            facts.append(turns).append(turns == 1 ? " turn" : " turns");
        }
        if (duration != null) {
            facts.append(facts.isEmpty() ? "" : ", ").append(humanDuration(duration));
        }
        if (costUsd != null) {
            facts.append(facts.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "$%.4f", costUsd));
        }
        return facts.isEmpty() ? s.toString() : s.append(": ").append(facts).toString();
    }

    private String reason() {
        return switch (subtype == null ? "" : subtype) {
            case "error_max_turns" -> "the agent reached its turn limit";
            case "error_during_execution" -> "an error during execution";
            case "success" -> "Claude Code reported an error";
            case "" -> "no subtype given";
            default -> subtype;
        };
    }

    /** "3m 41s", "1h 02m", "850 ms": how long, readable at a glance. */
    public static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return d.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
