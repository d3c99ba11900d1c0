package io.taskconsole.testkube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the protocol-buffers wire format into a flat list of fields: just enough of protobuf to
 * take apart the messages client-go sends, without a protobuf library or generated classes.
 */
final class ProtoWireReader {

    /** One field as it appears on the wire: a varint or fixed value, or a length-delimited byte run. */
    record WireField(int number, int wireType, long number64, byte[] bytes) {

        String asString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private int pos;
    private final int end;

    private ProtoWireReader(byte[] data, int offset, int end) {
        this.data = data;
        this.pos = offset;
        this.end = end;
    }

    static List<WireField> fields(byte[] message) {
        return fields(message, 0);
    }

    static List<WireField> fields(byte[] message, int offset) {
        return new ProtoWireReader(message, offset, message.length).readAll();
    }

    private List<WireField> readAll() {
        List<WireField> fields = new ArrayList<>();
        while (pos < end) {
            long key = readVarint();
            int number = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case VARINT -> fields.add(new WireField(number, wireType, readVarint(), null));
                case FIXED64 -> fields.add(new WireField(number, wireType, readFixed(8), null));
                case FIXED32 -> fields.add(new WireField(number, wireType, readFixed(4), null));
                case LENGTH_DELIMITED -> {
                    int length = (int) readVarint();
                    if (length < 0 || pos + length > end) {
                        throw new IllegalArgumentException("protobuf field " + number + " runs past the end of the message");
                    }
                    fields.add(new WireField(number, wireType, length, Arrays.copyOfRange(data, pos, pos + length)));
                    pos += length;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType + " at byte " + pos);
            }
        }
        return fields;
    }

    private long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("protobuf varint runs past the end of the message");
            }
            byte b = data[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("protobuf varint longer than 10 bytes");
    }

    private long readFixed(int size) {
        if (pos + size > end) {
            throw new IllegalArgumentException("protobuf fixed field runs past the end of the message");
        }
        long result = 0;
        for (int i = 0; i < size; i++) {
            result |= (long) (data[pos++] & 0xff) << (8 * i);
        }
        return result;
    }
}
