package io.taskconsole.testkube;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the protobuf bodies that helm and kubectl send ({@code application/vnd.kubernetes.protobuf})
 * into the JSON the CRUD store keeps.
 *
 * <p>client-go's typed clients encode built-in kinds as protobuf: helm stores its releases as
 * Secrets that way, {@code kubectl create configmap|secret|namespace|serviceaccount} and
 * {@code helm --create-namespace} too. The fabric8 mock never answers such a body (helm hangs),
 * and answering 415 does not help: client-go fails that request and only switches for later
 * ones. So this decoder knows the field numbers of the few kinds those commands send: the
 * {@code k8s\0} envelope (runtime.Unknown), ObjectMeta, Secret, ConfigMap, Namespace,
 * ServiceAccount and the access reviews behind {@code kubectl auth can-i}. Any other kind is
 * reported as unsupported rather than guessed.
 */
final class KubeProtobufDecoder {

    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Type { STRING, BYTES, BOOL, INT, TIME, MESSAGE, MAP_STRING, MAP_BYTES, REPEATED_STRING, REPEATED_MESSAGE }

    private record Field(String name, Type type, Schema schema) {
    }

    private static final class Schema {
        private final Map<Integer, Field> fields = new HashMap<>();

        Schema field(int number, String name, Type type) {
            fields.put(number, new Field(name, type, null));
            return this;
        }

        Schema message(int number, String name, Schema schema) {
            fields.put(number, new Field(name, Type.MESSAGE, schema));
            return this;
        }

        Schema messages(int number, String name, Schema schema) {
            fields.put(number, new Field(name, Type.REPEATED_MESSAGE, schema));
            return this;
        }
    }

    private static final Schema OWNER_REFERENCE = new Schema()
            .field(1, "kind", Type.STRING).field(3, "name", Type.STRING).field(4, "uid", Type.STRING)
            .field(5, "apiVersion", Type.STRING).field(6, "controller", Type.BOOL)
            .field(7, "blockOwnerDeletion", Type.BOOL);

    private static final Schema OBJECT_META = new Schema()
            .field(1, "name", Type.STRING).field(2, "generateName", Type.STRING)
            .field(3, "namespace", Type.STRING).field(5, "uid", Type.STRING)
            .field(6, "resourceVersion", Type.STRING).field(7, "generation", Type.INT)
            .field(8, "creationTimestamp", Type.TIME).field(9, "deletionTimestamp", Type.TIME)
            .field(10, "deletionGracePeriodSeconds", Type.INT)
            .field(11, "labels", Type.MAP_STRING).field(12, "annotations", Type.MAP_STRING)
            .messages(13, "ownerReferences", OWNER_REFERENCE)
            .field(14, "finalizers", Type.REPEATED_STRING);

    private static final Schema OBJECT_REFERENCE = new Schema()
            .field(1, "kind", Type.STRING).field(2, "namespace", Type.STRING).field(3, "name", Type.STRING)
            .field(4, "uid", Type.STRING).field(5, "apiVersion", Type.STRING)
            .field(6, "resourceVersion", Type.STRING).field(7, "fieldPath", Type.STRING);

    private static final Schema RESOURCE_ATTRIBUTES = new Schema()
            .field(1, "namespace", Type.STRING).field(2, "verb", Type.STRING).field(3, "group", Type.STRING)
            .field(4, "version", Type.STRING).field(5, "resource", Type.STRING)
            .field(6, "subresource", Type.STRING).field(7, "name", Type.STRING);

    private static final Map<String, Schema> KINDS = Map.of(
            "v1/Secret", new Schema().message(1, "metadata", OBJECT_META)
                    .field(2, "data", Type.MAP_BYTES).field(3, "type", Type.STRING)
                    .field(4, "stringData", Type.MAP_STRING).field(5, "immutable", Type.BOOL),
            "v1/ConfigMap", new Schema().message(1, "metadata", OBJECT_META)
                    .field(2, "data", Type.MAP_STRING).field(3, "binaryData", Type.MAP_BYTES)
                    .field(4, "immutable", Type.BOOL),
            "v1/Namespace", new Schema().message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new Schema().field(1, "finalizers", Type.REPEATED_STRING))
                    .message(3, "status", new Schema().field(1, "phase", Type.STRING)),
            "v1/ServiceAccount", new Schema().message(1, "metadata", OBJECT_META)
                    .messages(2, "secrets", OBJECT_REFERENCE)
                    .messages(3, "imagePullSecrets", new Schema().field(1, "name", Type.STRING))
                    .field(4, "automountServiceAccountToken", Type.BOOL),
            "authorization.k8s.io/v1/SelfSubjectAccessReview", new Schema().message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new Schema()
                            .message(1, "resourceAttributes", RESOURCE_ATTRIBUTES)
                            .message(2, "nonResourceAttributes", new Schema()
                                    .field(1, "path", Type.STRING).field(2, "verb", Type.STRING))),
            "authorization.k8s.io/v1/SelfSubjectRulesReview", new Schema().message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new Schema().field(1, "namespace", Type.STRING)));

    private KubeProtobufDecoder() {
    }

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.strip().toLowerCase().startsWith(MEDIA_TYPE);
    }

    /**
     * The JSON form of a protobuf body, or empty if the envelope holds a kind this decoder does
     * not know.
     *
     * @throws IllegalArgumentException if the body is not a Kubernetes protobuf envelope
     */
    static Optional<ObjectNode> toJson(byte[] body) {
        if (body.length < MAGIC.length || !startsWithMagic(body)) {
            throw new IllegalArgumentException("body does not start with the Kubernetes protobuf prefix k8s\\0");
        }
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        for (ProtoWireReader.WireField field : ProtoWireReader.fields(body, MAGIC.length)) {
            if (field.number() == 1 && field.bytes() != null) {
                for (ProtoWireReader.WireField typeMeta : ProtoWireReader.fields(field.bytes())) {
                    if (typeMeta.number() == 1) {
                        apiVersion = typeMeta.asString();
                    } else if (typeMeta.number() == 2) {
                        kind = typeMeta.asString();
                    }
                }
            } else if (field.number() == 2 && field.bytes() != null) {
                raw = field.bytes();
            }
        }
        Schema schema = KINDS.get(apiVersion + "/" + kind);
        if (schema == null) {
            return Optional.empty();
        }
        ObjectNode object = JSON.createObjectNode();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        decodeInto(object, raw, schema);
        return Optional.of(object);
    }

    /** The {@code apiVersion/kind} an envelope names, for error messages about unknown kinds. */
    static String typeOf(byte[] body) {
        try {
            for (ProtoWireReader.WireField field : ProtoWireReader.fields(body, MAGIC.length)) {
                if (field.number() == 1 && field.bytes() != null) {
                    String apiVersion = "";
                    String kind = "";
                    for (ProtoWireReader.WireField typeMeta : ProtoWireReader.fields(field.bytes())) {
                        if (typeMeta.number() == 1) {
                            apiVersion = typeMeta.asString();
                        } else if (typeMeta.number() == 2) {
                            kind = typeMeta.asString();
                        }
                    }
                    return apiVersion + "/" + kind;
                }
            }
        } catch (IllegalArgumentException e) {
            return "(unreadable)";
        }
        return "(unknown)";
    }

    private static boolean startsWithMagic(byte[] body) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void decodeInto(ObjectNode target, byte[] message, Schema schema) {
        for (ProtoWireReader.WireField wire : ProtoWireReader.fields(message)) {
            Field field = schema.fields.get(wire.number());
            if (field == null || isZero(wire, field.type())) {
                continue;
            }
            switch (field.type()) {
                case STRING -> target.put(field.name(), wire.asString());
                case BYTES -> target.put(field.name(), Base64.getEncoder().encodeToString(wire.bytes()));
                case BOOL -> target.put(field.name(), wire.number64() != 0);
                case INT -> target.put(field.name(), wire.number64());
                case TIME -> target.put(field.name(), time(wire.bytes()));
                case MESSAGE -> decodeInto(objectAt(target, field.name()), wire.bytes(), field.schema());
                case REPEATED_MESSAGE -> decodeInto(arrayAt(target, field.name()).addObject(), wire.bytes(), field.schema());
                case REPEATED_STRING -> arrayAt(target, field.name()).add(wire.asString());
                case MAP_STRING, MAP_BYTES -> putEntry(objectAt(target, field.name()), wire.bytes(), field.type() == Type.MAP_BYTES);
                default -> throw new IllegalStateException("unhandled field type " + field.type());
            }
        }
    }

    /**
     * gogo-protobuf writes every non-pointer scalar, even empty; JSON leaves them out, and so
     * must we (an empty {@code metadata.namespace} would not match the request's namespace).
     */
    private static boolean isZero(ProtoWireReader.WireField wire, Type type) {
        return switch (type) {
            case STRING -> wire.bytes().length == 0;
            case BOOL, INT -> wire.number64() == 0;
            case TIME -> seconds(wire.bytes()) == 0;
            default -> false;
        };
    }

    private static void putEntry(ObjectNode map, byte[] entry, boolean bytesValue) {
        String key = "";
        String value = "";
        for (ProtoWireReader.WireField wire : ProtoWireReader.fields(entry)) {
            if (wire.number() == 1) {
                key = wire.asString();
            } else if (wire.number() == 2) {
                value = bytesValue ? Base64.getEncoder().encodeToString(wire.bytes()) : wire.asString();
            }
        }
        map.put(key, value);
    }

    private static String time(byte[] message) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds(message)));
    }

    private static long seconds(byte[] timeMessage) {
        long seconds = 0;
        for (ProtoWireReader.WireField wire : ProtoWireReader.fields(timeMessage)) {
            if (wire.number() == 1) {
                seconds = wire.number64();
            }
        }
        return seconds;
    }

    private static ObjectNode objectAt(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }

    private static ArrayNode arrayAt(ObjectNode parent, String name) {
        return parent.has(name) ? (ArrayNode) parent.get(name) : parent.putArray(name);
    }

    /** Kinds this decoder reads, as {@code apiVersion/kind}, for documentation and error messages. */
    static List<String> supportedKinds() {
        return KINDS.keySet().stream().sorted().toList();
    }
}
