package io.taskconsole.transcript;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an attempt's agent log is kept once it has been followed, so its transcript and acceptance
 * report outlive the pod (Kubernetes deletes it after the chart's {@code ttlSecondsAfterFinished}).
 * The follower writes the file; readers (the {@code attempts} report column, the transcript view) only
 * read it, through this one small interface.
 */
public interface AgentLogs {

    /** The agent container's log of {@code attempt}, line by line, or empty when none was kept. */
    Optional<List<String>> agentLog(int attempt);

    /**
     * The logs in a task's history folder ({@code .history/}): {@code logs/attempt-N-agent.log}, beside
     * the helm logs (see {@link #fileName}).
     */
    static AgentLogs inHistory(Path historyFolder) {
        return attempt -> {
            Path file = historyFolder.resolve(fileName(attempt, "agent"));
            // A link could make the report read any file of the machine: a kept log is a plain file.
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            try {
                return Optional.of(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\\R")));
            } catch (IOException e) {
                throw TaskConsoleException.failed("Cannot read the kept agent log " + file + ": " + e.getMessage(),
                        "Check the file's permissions; the cluster may still have the pod's log.", e);
            }
        };
    }

    /** The name, relative to the history folder, under which a container's followed log is kept. */
    static String fileName(int attempt, String container) {
        return "logs/attempt-" + attempt + "-" + container + ".log";
    }

    /** The last {@code result} event of a log: how the agent's session ended, if it has. */
    static Optional<AgentResult> finalResult(List<String> lines) {
        TranscriptParser parser = new TranscriptParser();
        AgentResult last = null;
        for (String line : lines) {
            for (TranscriptEntry entry : parser.accept(line)) {
                if (entry instanceof TranscriptEntry.Result r) {
                    last = r.result();
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
