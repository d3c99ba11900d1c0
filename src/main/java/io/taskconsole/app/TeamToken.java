package io.taskconsole.app;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bearer token of team mode: read from a file the user names, else from
 * {@code TASK_CONSOLE_TOKEN}. Never written anywhere and never part of a message.
 */
public final class TeamToken {

    public static final String VARIABLE = "TASK_CONSOLE_TOKEN";

    private TeamToken() {
    }

    /** @param file the token file, or {@code null} for the variable */
    public static String read(Path file, Map<String, String> env) {
        if (file != null) {
            String token;
            try {
                token = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw TaskConsoleException.badInput("Cannot read the token file " + file + " (" + e.getClass().getSimpleName()
                        + ")", "Name a readable file holding only the token the orchestrator's operator gave you.");
            }
            if (token.isEmpty() || token.contains("\n")) {
                throw TaskConsoleException.badInput("The token file " + file + " must hold one token on one line",
                        "Write only the token into it, e.g. kubectl create token NAME > " + file + ".");
            }
            return token;
        }
        String token = env.get(VARIABLE);
        if (token == null || token.isBlank()) {
            throw TaskConsoleException.badInput("No token for the orchestrator: no token file is named and " + VARIABLE
                    + " is not set", "Name a file holding your token (--token-file, or the Cluster pane's Token file), or set "
                    + VARIABLE + ".");
        }
        return token.strip();
    }
}
