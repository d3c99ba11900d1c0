package io.taskconsole.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Claude Code's {@code --output-format stream-json} log, one line at a time, into
 * {@link TranscriptEntry transcript entries}. The format and the fields read are written down in
 * docs/transcript.md.
 *
 * <p>Lines come in as a followed log delivers them, so the parser keeps only what a later line needs:
 * the names of the tools called so far, to name the call a {@code tool_result} answers. One instance
 * per log; not thread-safe.
 */
public final class TranscriptParser {

    /** Made on the first line parsed: building a mapper costs the desktop app's window ~0.1 s if done when it opens. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private final Map<String, String> toolNames = new HashMap<>();

    /** The entries of a whole log. */
    public static List<TranscriptEntry> parseAll(List<String> lines) {
        TranscriptParser parser = new TranscriptParser();
        List<TranscriptEntry> entries = new ArrayList<>();
        for (String line : lines) {
            entries.addAll(parser.accept(line));
        }
        return entries;
    }

    /** The entries one log line gives: none for a blank line, else at least one. */
    public List<TranscriptEntry> accept(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            return List.of(new TranscriptEntry.Unreadable(line, "not JSON"));
        }
        if (event == null || !event.isObject()) {
            return List.of(new TranscriptEntry.Unreadable(line, "not a JSON object"));
        }
        String type = event.path("type").asString("");
        List<TranscriptEntry> entries = switch (type) {
            case "system" -> system(event, line);
            case "assistant" -> assistant(event, line);
            case "user" -> user(event, line);
            case "result" -> List.of(new TranscriptEntry.Result(result(event)));
            default -> List.of(new TranscriptEntry.Unreadable(line,
                    type.isEmpty() ? "event without a type" : "unknown event '" + type + "'"));
        };
        return entries.isEmpty() ? List.of(new TranscriptEntry.Unreadable(line, "event without content")) : entries;
    }

    private static List<TranscriptEntry> system(JsonNode event, String line) {
        if (!"init".equals(event.path("subtype").asString(""))) {
            // compact_boundary and whatever comes later: shown as written rather than guessed at.
            return List.of(new TranscriptEntry.Unreadable(line,
                    "system event '" + event.path("subtype").asString("") + "'"));
        }
        List<String> tools = new ArrayList<>();
        for (JsonNode tool : event.path("tools")) {
            tools.add(tool.asString(""));
        }
        return List.of(new TranscriptEntry.SessionStart(event.path("model").asString(""), tools,
                event.path("cwd").asString(""), event.path("permissionMode").asString("")));
    }

    private List<TranscriptEntry> assistant(JsonNode event, String line) {
        List<TranscriptEntry> entries = new ArrayList<>();
        for (JsonNode block : content(event)) {
            switch (block.path("type").asString("")) {
                case "text" -> {
                    String text = block.path("text").asString("");
                    if (!text.isBlank()) {
                        entries.add(new TranscriptEntry.AssistantText(text.strip()));
                    }
                }
                case "thinking" -> entries.add(new TranscriptEntry.Thinking(block.path("thinking").asString("").strip()));
                case "tool_use" -> {
                    String id = block.path("id").asString("");
                    String name = block.path("name").asString("?");
                    toolNames.put(id, name);
                    entries.add(new TranscriptEntry.ToolCall(id, name, ToolInputSummary.of(name, block.path("input"))));
                }
                default -> entries.add(new TranscriptEntry.Unreadable(block.toString(),
                        "unknown content '" + block.path("type").asString("") + "' in an assistant message"));
            }
        }
        return entries;
    }

    private List<TranscriptEntry> user(JsonNode event, String line) {
        JsonNode content = event.path("message").path("content");
        if (content.isString()) {
            // The prompt as the user turn, when Claude Code echoes it: plain text.
            return List.of(new TranscriptEntry.Unreadable(content.stringValue(), "user message"));
        }
        List<TranscriptEntry> entries = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_result".equals(block.path("type").asString(""))) {
                String id = block.path("tool_use_id").asString("");
                entries.add(new TranscriptEntry.ToolResult(id, toolNames.get(id), resultText(block.path("content")),
                        block.path("is_error").asBoolean(false)));
            } else {
                entries.add(new TranscriptEntry.Unreadable(block.toString(),
                        "unknown content '" + block.path("type").asString("") + "' in a user message"));
            }
        }
        return entries;
    }

    /** A tool result's content: a string, or a list of blocks of which the text ones are read. */
    private static String resultText(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode block : content) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append("text".equals(block.path("type").asString("")) ? block.path("text").asString("")
                        : "[" + block.path("type").asString("?") + "]");
            }
            return text.toString();
        }
        return content.isMissingNode() || content.isNull() ? "" : content.toString();
    }

    private static JsonNode content(JsonNode event) {
        return event.path("message").path("content");
    }

    static AgentResult result(JsonNode event) {
        JsonNode turns = event.path("num_turns");
        JsonNode ms = event.path("duration_ms");
        JsonNode cost = event.path("total_cost_usd");
        return new AgentResult(event.path("subtype").asString(""), event.path("is_error").asBoolean(false),
                turns.isNumber() ? turns.asInt() : null, ms.isNumber() ? Duration.ofMillis(ms.asLong()) : null,
                cost.isNumber() ? cost.asDouble() : null, event.path("result").asString(""));
    }
}
