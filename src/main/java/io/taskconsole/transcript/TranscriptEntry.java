package io.taskconsole.transcript;

import java.util.List;

/**
 * One readable piece of an agent's transcript: what a face draws as one block. An event line of
 * Claude Code's {@code stream-json} output gives one or more of these (an assistant message may hold
 * text and several tool calls); a line the parser cannot read gives an {@link Unreadable}, so
 * nothing the agent wrote is ever dropped.
 */
public sealed interface TranscriptEntry {

    /** The {@code system}/{@code init} event: which model ran, with which tools, where. */
    record SessionStart(String model, List<String> tools, String cwd, String permissionMode) implements TranscriptEntry {
        public SessionStart {
            tools = List.copyOf(tools);
        }
    }

    /** Text the assistant wrote to the user. */
    record AssistantText(String text) implements TranscriptEntry {
    }

    /** The assistant's visible reasoning (a {@code thinking} content block), shown apart from its text. */
    record Thinking(String text) implements TranscriptEntry {
    }

    /**
     * A tool the assistant called.
     *
     * @param summary the gist of its input: the file it edits, the command it runs (see {@link ToolInputSummary})
     */
    record ToolCall(String id, String name, String summary) implements TranscriptEntry {
    }

    /**
     * What a tool returned, kept whole; faces show {@link #firstLines} and how many more there are.
     *
     * @param toolName the name of the call it answers, or {@code null} when that call was not seen
     */
    record ToolResult(String toolUseId, String toolName, String content, boolean error) implements TranscriptEntry {

        /** The lines of the content, without a trailing empty one. */
        public List<String> lines() {
            if (content.isEmpty()) {
                return List.of();
            }
            return List.of(content.stripTrailing().split("\\R", -1));
        }

        /** At most {@code max} leading lines: the collapsed view. */
        public List<String> firstLines(int max) {
            List<String> lines = lines();
            return lines.subList(0, Math.min(max, lines.size()));
        }

        /** How many lines {@link #firstLines} leaves out. */
        public int hiddenLines(int max) {
            return Math.max(0, lines().size() - max);
        }
    }

    /** The final {@code result} event: the attempt's summary as the agent saw it. */
    record Result(AgentResult result) implements TranscriptEntry {
    }

    /**
     * A line shown as written because it is not a JSON event, or is one of a type (or a content block
     * of a kind) this parser does not know.
     *
     * @param why a short reason a face may show beside it ("not JSON", "unknown event 'x'")
     */
    record Unreadable(String line, String why) implements TranscriptEntry {
    }
}
