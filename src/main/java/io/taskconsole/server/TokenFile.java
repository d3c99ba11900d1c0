package io.taskconsole.server;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code --tokens FILE} for small setups: each line {@code <sha256 hex of a token> <user name>}, so
 * the file holds no token itself. A presented token is hashed and compared in constant time against
 * every line; the file is read again when it changes, so adding a PM needs no restart.
 */
final class TokenFile implements Authenticator {

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})\\s+(\\S.*)");

    private final Path file;
    private FileTime readAt;
    private Map<byte[], String> users = Map.of();

    TokenFile(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    /** Everyone the file names may do everything: the file is the whole of the access list. */
    @Override
    public String authorise(String token, String verb) {
        return userOf(token).orElseThrow(() -> new OrchestratorServer.ProblemException(Problem.of(401,
                "unauthenticated", "Unauthenticated", "The bearer token is not known to this service. Ask its "
                        + "operator for one.")).wwwAuthenticate("Bearer error=\"invalid_token\""));
    }

    @Override
    public String whatToSend() {
        return "Send 'Authorization: Bearer <token>' with a token the service's tokens file knows.";
    }

    /** The user a bearer token belongs to, if any line names its hash. */
    synchronized Optional<String> userOf(String token) {
        reloadIfChanged();
        byte[] presented = sha256(token);
        String found = null;
        for (Map.Entry<byte[], String> e : users.entrySet()) {
            // Compare with every line, always in full, so timing tells nothing about which matched.
            if (MessageDigest.isEqual(presented, e.getKey()) & found == null) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return;
            }
            Map<byte[], String> read = new LinkedHashMap<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                var m = LINE.matcher(text);
                if (!m.matches()) {
                    throw TaskConsoleException.badInput("Line " + number + " of the tokens file " + file
                            + " is not '<sha256 hex of a token> <user name>'",
                            "Write each line as the output of: printf %s \"$TOKEN\" | sha256sum, then the user's name.");
                }
                read.put(HexFormat.of().parseHex(m.group(1).toLowerCase(java.util.Locale.ROOT)), m.group(2).strip());
            }
            users = read;
            readAt = modified;
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read the tokens file " + file + ": " + e.getMessage(),
                    "Check that --tokens names a file the service can read.", e);
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
