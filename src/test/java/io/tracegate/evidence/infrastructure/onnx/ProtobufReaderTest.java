package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufReaderTest {

    private static ProtobufReader reader(byte[] bytes) {
        return new ProtobufReader(new ByteArrayInputStream(bytes), "test.bin", -1);
    }

    private static ProtobufReader reader(ProtobufWriter writer) {
        return reader(writer.toByteArray());
    }

    @Test
    void readsVarintsUpToTenBytesAndFixedWidthValues() {
        ProtobufReader reader = reader(new ProtobufWriter().varint(1, 150).varint(2, -1L).varint(3, Long.MAX_VALUE)
                .fixed32(4, 0xCAFEBABE).tag(5, 1).raw(new byte[]{1, 0, 0, 0, 0, 0, 0, (byte) 0x80}));

        assertThat(reader.nextField()).isTrue();
        assertThat(reader.field()).isEqualTo(1);
        assertThat(reader.readVarint()).isEqualTo(150);
        reader.nextField();
        assertThat(reader.readVarint()).isEqualTo(-1L);
        reader.nextField();
        assertThat(reader.readVarint()).isEqualTo(Long.MAX_VALUE);
        reader.nextField();
        assertThat(reader.wireType()).isEqualTo(ProtobufReader.FIXED32);
        assertThat(reader.readFixed32()).isEqualTo(0xCAFEBABE);
        reader.nextField();
        assertThat(reader.readFixed64()).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(reader.nextField()).isFalse();
    }

    @Test
    void refusesVarintsLongerThanTenBytesOrOver64Bits() {
        byte[] eleven = {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        ProtobufReader reader = reader(eleven);
        reader.nextField();
        assertThatThrownBy(reader::readVarint).isInstanceOf(EvidenceRejected.class)
                .hasMessage("test.bin: varint longer than 10 bytes (or over 64 bits) at byte 1");

        byte[] tenthByteTooBig = {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02};
        ProtobufReader overflow = reader(tenthByteTooBig);
        overflow.nextField();
        assertThatThrownBy(overflow::readVarint).hasMessageContaining("over 64 bits");
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() {
        ProtobufWriter writer = new ProtobufWriter().varint(9, 5).fixed32(10, 7).tag(11, 1).raw(new byte[8])
                .string(12, "skipped").message(13, new ProtobufWriter().varint(1, 1)).string(2, "kept");
        ProtobufReader reader = reader(writer);
        List<String> kept = new ArrayList<>();
        while (reader.nextField()) {
            if (reader.field() == 2) {
                kept.add(reader.readString(100, "name"));
            } else {
                reader.skipField();
            }
        }
        assertThat(kept).containsExactly("kept");
    }

    @Test
    void readsNestedMessagesAndPackedOrRepeatedVarints() {
        ProtobufWriter inner = new ProtobufWriter().packedVarints(1, 1, 300, 5).varint(1, 7).string(2, "x");
        ProtobufReader reader = reader(new ProtobufWriter().message(1, inner).varint(2, 42));
        List<Long> values = new ArrayList<>();

        reader.nextField();
        reader.enterMessage("inner");
        assertThat(reader.depth()).isEqualTo(1);
        while (reader.nextField()) {
            if (reader.field() == 1) {
                reader.readVarints(values::add);
            } else {
                reader.skipField();
            }
        }
        reader.exitMessage();
        reader.nextField();

        assertThat(values).containsExactly(1L, 300L, 5L, 7L);
        assertThat(reader.readVarint()).isEqualTo(42);
    }

    @Test
    void checksADeclaredLengthAgainstTheBytesLeftBeforeReadingIt() {
        // a message of 5 bytes whose only field claims 4294967295 bytes... and one that claims 1000
        ProtobufWriter inner = new ProtobufWriter().tag(1, 2).rawVarint(1000);
        ProtobufReader reader = reader(new ProtobufWriter().message(1, inner));
        reader.nextField();
        reader.enterMessage("outer");
        reader.nextField();
        assertThatThrownBy(() -> reader.readString(4096, "name")).isInstanceOf(EvidenceRejected.class)
                .hasMessage("test.bin: declared length 1000 at byte 3 exceeds the 0 bytes left in the enclosing message");

        ProtobufReader huge = reader(new ProtobufWriter().tag(1, 2).rawVarint(0xFFFF_FFFFL));
        huge.nextField();
        assertThatThrownBy(huge::skipField)
                .hasMessage("test.bin: declared length 4294967295 at byte 1 exceeds protobuf's 2 GiB limit");

        byte[] file = new ProtobufWriter().tag(1, 2).rawVarint(800).raw(new byte[10]).toByteArray();
        ProtobufReader sized = new ProtobufReader(new ByteArrayInputStream(file), "model.onnx", file.length);
        sized.nextField();
        assertThatThrownBy(sized::skipField)
                .hasMessage("model.onnx: declared length 800 at byte 1 exceeds the 10 bytes left in the file");
    }

    @Test
    void refusesTruncatedInputAtTheByteWhereItEnds() {
        byte[] bytes = new ProtobufWriter().string(1, "abcdefgh").toByteArray();
        byte[] cut = java.util.Arrays.copyOf(bytes, 6);
        ProtobufReader reader = reader(cut);
        reader.nextField();
        assertThatThrownBy(reader::skipField).hasMessage("test.bin: truncated at byte 6");
    }

    @Test
    void refusesInvalidWireTypesAndFieldZero() {
        ProtobufReader group = reader(new byte[]{0x0B}); // field 1, wire type 3 (start group)
        assertThatThrownBy(group::nextField).hasMessage("test.bin: invalid wire type 3 for field 1 at byte 0");
        ProtobufReader seven = reader(new byte[]{0x0F});
        assertThatThrownBy(seven::nextField).hasMessageContaining("invalid wire type 7");
        ProtobufReader zero = reader(new byte[]{0x00, 0x01});
        assertThatThrownBy(zero::nextField).hasMessageContaining("field number 0");
    }

    @Test
    void refusesNestingDeeperThan32() {
        ProtobufWriter message = new ProtobufWriter().varint(1, 1);
        for (int i = 0; i < 40; i++) {
            message = new ProtobufWriter().message(1, message);
        }
        ProtobufReader reader = reader(message);
        assertThatThrownBy(() -> {
            while (reader.nextField()) {
                reader.enterMessage("level");
            }
        }).isInstanceOf(EvidenceRejected.class).hasMessageContaining("nesting deeper than 32 messages at byte ");
    }

    @Test
    void refusesStringsOverTheirLimitWithoutReadingThem() {
        ProtobufReader reader = reader(new ProtobufWriter().string(1, "x".repeat(5000)));
        reader.nextField();
        assertThatThrownBy(() -> reader.readString(4096, "node name"))
                .hasMessage("test.bin: node name longer than 4096 bytes at byte 1");

        ProtobufReader cut = reader(new ProtobufWriter().string(1, "y".repeat(5000)).varint(2, 9));
        cut.nextField();
        assertThat(cut.readStringCut(10, "value")).isEqualTo("yyyyyyyyyy…");
        cut.nextField();
        assertThat(cut.readVarint()).isEqualTo(9);
    }

    @Test
    void streamsAPayloadOfHundredsOfMegabytesThroughItsSmallBuffer() {
        long size = 300L * 1024 * 1024;
        byte[] header = new ProtobufWriter().tag(1, 2).rawVarint(size).toByteArray();
        InputStream in = new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = header.length + size - position;
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = position + i < header.length ? header[(int) (position + i)] : 0;
                }
                position += n;
                return n;
            }
        };
        ProtobufReader reader = new ProtobufReader(in, "big.onnx", -1);
        long[] seen = {0, 0};
        reader.nextField();
        long length = reader.streamBytes((bytes, offset, count) -> {
            seen[0] += count;
            seen[1] = Math.max(seen[1], count);
        });
        assertThat(length).isEqualTo(size);
        assertThat(seen[0]).isEqualTo(size);
        assertThat(seen[1]).isLessThanOrEqualTo(64 * 1024);
        assertThat(reader.nextField()).isFalse();
    }
}
