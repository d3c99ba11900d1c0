package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes envelopes written the way client-go's gogo-protobuf writes them, empty scalars and
 * empty timestamps included. The integration tests cover the real helm and kubectl bodies.
 */
class KubeProtobufDecoderTest {

    @Test
    void decodesAConfigMapLeavingOutEmptyScalars() {
        byte[] meta = new Proto().string(1, "settings").string(2, "").string(3, "orchestrator")
                .message(8, new Proto()).message(11, new Proto().string(1, "app").string(2, "mini")).bytes();
        byte[] configMap = new Proto().message(1, meta)
                .message(2, new Proto().string(1, "greeting").string(2, "hello\nworld"))
                .message(2, new Proto().string(1, "empty").string(2, ""))
                .varint(4, 1).bytes();

        ObjectNode json = KubeProtobufDecoder.toJson(envelope("v1", "ConfigMap", configMap)).orElseThrow();

        assertThat(json.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(json.path("kind").asString()).isEqualTo("ConfigMap");
        assertThat(json.path("metadata").path("name").asString()).isEqualTo("settings");
        assertThat(json.path("metadata").path("namespace").asString()).isEqualTo("orchestrator");
        assertThat(json.path("metadata").has("generateName")).isFalse();
        assertThat(json.path("metadata").has("creationTimestamp")).isFalse();
        assertThat(json.path("metadata").path("labels").path("app").asString()).isEqualTo("mini");
        assertThat(json.path("data").path("greeting").asString()).isEqualTo("hello\nworld");
        assertThat(json.path("data").path("empty").asString()).isEmpty();
        assertThat(json.path("immutable").asBoolean()).isTrue();
    }

    @Test
    void decodesSecretBytesAsBase64() {
        byte[] secret = new Proto().message(1, new Proto().string(1, "sh.helm.release.v1.r.v1").bytes())
                .message(2, new Proto().string(1, "release").raw(2, new byte[] {0, 1, (byte) 0xff}))
                .string(3, "helm.sh/release.v1").bytes();

        ObjectNode json = KubeProtobufDecoder.toJson(envelope("v1", "Secret", secret)).orElseThrow();

        assertThat(json.path("type").asString()).isEqualTo("helm.sh/release.v1");
        assertThat(Base64.getDecoder().decode(json.path("data").path("release").asString()))
                .containsExactly(0, 1, 0xff);
    }

    @Test
    void reportsKindsItDoesNotKnow() {
        byte[] body = envelope("batch/v1", "Job", new Proto().message(1, new Proto().string(1, "j").bytes()).bytes());

        assertThat(KubeProtobufDecoder.toJson(body)).isEmpty();
        assertThat(KubeProtobufDecoder.typeOf(body)).isEqualTo("batch/v1/Job");
    }

    @Test
    void refusesABodyWithoutTheEnvelopePrefix() {
        assertThatThrownBy(() -> KubeProtobufDecoder.toJson("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k8s");
    }

    private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        byte[] unknown = new Proto().message(1, new Proto().string(1, apiVersion).string(2, kind))
                .raw(2, raw).string(3, "").string(4, "").bytes();
        byte[] body = new byte[4 + unknown.length];
        body[0] = 'k';
        body[1] = '8';
        body[2] = 's';
        System.arraycopy(unknown, 0, body, 4, unknown.length);
        return body;
    }

    /** A minimal protobuf writer for building test messages. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return raw(field, message.bytes());
        }

        Proto message(int field, byte[] message) {
            return raw(field, message);
        }

        Proto raw(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void writeVarint(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                out.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
