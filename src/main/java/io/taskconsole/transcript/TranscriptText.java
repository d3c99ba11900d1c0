package io.taskconsole.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A transcript as plain text lines, for the CLI and for copying: one header line per entry, tool
 * results collapsed to their first {@link #RESULT_LINES} lines with the rest counted. The GUI draws
 * the same entries with its own controls; the words it shows come from here where they are the same.
 */
public final class TranscriptText {

    /** Lines of a tool result shown before it is collapsed. */
    public static final int RESULT_LINES = 3;

    private TranscriptText() {
    }

    public static String render(List<TranscriptEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (TranscriptEntry entry : entries) {
            for (String line : lines(entry)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The header of an entry: what a collapsed view shows. */
    public static String header(TranscriptEntry entry) {
        if (entry instanceof TranscriptEntry.SessionStart s) {
            return "● Session started: model " + (s.model().isEmpty() ? "(not given)" : s.model())
                    + ", " + tools(s.tools()) + (s.cwd().isEmpty() ? "" : ", in " + s.cwd());
        } else if (entry instanceof TranscriptEntry.AssistantText t) {
            return "Claude: " + firstLine(t.text());
        } else if (entry instanceof TranscriptEntry.Thinking t) {
            return "(thinking) " + firstLine(t.text());
        } else if (entry instanceof TranscriptEntry.ToolCall c) {
            return "→ " + c.name() + (c.summary().isEmpty() ? "" : ": " + c.summary());
        } else if (entry instanceof TranscriptEntry.ToolResult r) {
            return "  " + (r.error() ? "✗ error" : "✓") + (r.toolName() == null ? "" : " from " + r.toolName())
                    + (r.content().isBlank() ? " (no output)" : "");
        } else if (entry instanceof TranscriptEntry.Result r) {
            return "■ " + r.result().describe();
        }
        TranscriptEntry.Unreadable u = (TranscriptEntry.Unreadable) entry;
        return "[" + u.why() + "] " + u.line();
    }

    /** The entry in full, except a tool result, which is collapsed. */
    public static List<String> lines(TranscriptEntry entry) {
        List<String> lines = new ArrayList<>();
        lines.add(header(entry));
        if (entry instanceof TranscriptEntry.AssistantText t) {
            rest(t.text(), "        ", lines);
        } else if (entry instanceof TranscriptEntry.Thinking t) {
            rest(t.text(), "           ", lines);
        } else if (entry instanceof TranscriptEntry.ToolResult r) {
            for (String line : r.firstLines(RESULT_LINES)) {
                lines.add("    " + line);
            }
            int hidden = r.hiddenLines(RESULT_LINES);
            if (hidden > 0) {
                lines.add("    … " + hidden + (hidden == 1 ? " more line" : " more lines"));
            }
        } else if (entry instanceof TranscriptEntry.Result r && !r.result().text().isBlank()) {
            for (String line : r.result().text().strip().split("\\R", -1)) {
                lines.add(line.isEmpty() ? "" : "  " + line);
            }
        }
        return lines;
    }

    private static String tools(List<String> tools) {
        if (tools.isEmpty()) {
            return "no tools";
        }
        int shown = Math.min(tools.size(), 8);
        return tools.size() + (tools.size() == 1 ? " tool (" : " tools (") + String.join(", ", tools.subList(0, shown))
                + (tools.size() > shown ? ", …)" : ")");
    }

    private static String firstLine(String text) {
        return text.split("\\R", 2)[0];
    }

    private static void rest(String text, String indent, List<String> lines) {
        String[] all = text.split("\\R", -1);
        for (int i = 1; i < all.length; i++) {
            lines.add(all[i].isEmpty() ? "" : indent + all[i]);
        }
    }
}
