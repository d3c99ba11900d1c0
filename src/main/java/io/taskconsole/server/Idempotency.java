package io.taskconsole.server;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} record, kept in the cluster on the attempt's ConfigMap so it holds
 * across replicas and restarts: the key's hash and the request's hash are put on the ConfigMap as
 * it is created (so the attempt number and the key are taken in one step), the answer once the
 * submission ends. In this process, one lock per key (striped) keeps two requests with the same
 * key from both taking a number; across replicas a request that finds the attempt before its
 * answer is recorded gets 409 and tries again later.
 */
final class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final String KEY = "task-console.io/idempotency-key-sha256";
    static final String REQUEST = "task-console.io/idempotency-request-sha256";
    static final String ANSWER = "task-console.io/idempotency-answer";
    private static final int MAX_KEY = 255;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer as it was sent, to send again. */
    record Answer(int status, String contentType, String location, String body) {

        String toJson() {
            return JSON.writeValueAsString(this);
        }

        static Answer fromJson(String json) {
            return JSON.readValue(json, Answer.class);
        }
    }

    private final ReentrantLock[] locks = new ReentrantLock[64];

    Idempotency() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** A problem sentence when the key is not one to accept, else {@code null}. */
    static String problemWith(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            return "The Idempotency-Key header must be 1 to " + MAX_KEY + " visible ASCII characters without "
                    + "spaces; a UUID is a good key.";
        }
        return null;
    }

    ReentrantLock lockFor(String keyHash) {
        return locks[Math.floorMod(keyHash.hashCode(), locks.length)];
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(TokenFile.sha256(text));
    }

    /** The hash a request is known by: the same method, path and body bytes give the same hash. */
    static String requestHash(String method, String path, byte[] body) {
        return sha256(method + " " + path + "\n" + new String(body, StandardCharsets.UTF_8));
    }
}
