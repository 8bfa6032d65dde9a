package io.tracegate.audit.infrastructure.archive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingWriterTest {

    @Test
    void writesEveryByteThroughAndHashesThemAllWhateverTheWriteSizes() throws Exception {
        for (int size : new int[] {0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 7 * (1 << 20) / 2}) {
            byte[] bytes = new byte[size];
            new SplittableRandom(size).nextBytes(bytes);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            HashingWriter writer = new HashingWriter(Channels.newChannel(sink), ZipPackageBuilder.DAEMONS);
            SplittableRandom pieces = new SplittableRandom(7);
            for (int off = 0; off < size; ) {
                int len = Math.min(size - off, pieces.nextInt(1, 300_000));
                if (pieces.nextBoolean()) {
                    writer.write(java.util.Arrays.copyOfRange(bytes, off, off + len));
                } else {
                    CRC32 crc = new CRC32();
                    long copied = writer.copy(Channels.newChannel(new ByteArrayInputStream(bytes, off, len)), len, crc,
                            n -> { });
                    assertThat(copied).isEqualTo(len);
                    CRC32 expected = new CRC32();
                    expected.update(bytes, off, len);
                    assertThat(crc.getValue()).isEqualTo(expected.getValue());
                }
                off += len;
            }
            assertThat(writer.position()).isEqualTo(size);
            writer.close();

            assertThat(sink.toByteArray()).isEqualTo(bytes);
            assertThat(writer.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }

    @Test
    void hasNoDigestBeforeItIsClosed() throws Exception {
        HashingWriter writer = new HashingWriter(Channels.newChannel(new ByteArrayOutputStream()), ZipPackageBuilder.DAEMONS);
        writer.write(new byte[] {1, 2, 3});
        assertThatThrownBy(writer::digest).isInstanceOf(IllegalStateException.class);
        writer.close();
        writer.close();
        assertThat(writer.digest()).hasSize(32);
    }
    @Test
    void aStoredFileWhoseBytesMatchItsRecordPasses() throws Exception {
        byte[] bytes = "a KPI table".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        HashingWriter writer = new HashingWriter(Channels.newChannel(sink), ZipPackageBuilder.DAEMONS);
        writer.write(new byte[] {'P', 'K'});
        writer.beginStored(stored(bytes));
        writer.write(bytes);
        writer.endStored();
        writer.settle();
        writer.write(new byte[] {'!'});
        writer.close();
        assertThat(sink.toByteArray()).hasSize(bytes.length + 3);
    }

    @Test
    void aStoredFileWhoseBytesDifferFromItsRecordFailsTheWriterNamingIt() throws Exception {
        byte[] recorded = "recall 0.951".getBytes(StandardCharsets.UTF_8);
        byte[] changed = "recall 0.981".getBytes(StandardCharsets.UTF_8);
        HashingWriter writer = new HashingWriter(Channels.newChannel(new ByteArrayOutputStream()), ZipPackageBuilder.DAEMONS);
        writer.beginStored(stored(recorded));
        writer.write(changed);
        writer.endStored();
        assertThatThrownBy(writer::settle).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored file kpi.csv").hasMessageContaining("not to the recorded " + hex(recorded))
                .hasMessageContaining("the blob store is damaged");
        assertThatThrownBy(writer::close).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gathersSmallWritesIntoBlocksInsteadOfPassingEachOn() throws Exception {
        java.util.List<Integer> writes = new java.util.ArrayList<>();
        HashingWriter writer = new HashingWriter(new java.nio.channels.WritableByteChannel() {
            @Override
            public int write(java.nio.ByteBuffer src) {
                int n = src.remaining();
                src.position(src.limit());
                writes.add(n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        }, ZipPackageBuilder.DAEMONS);
        for (int i = 0; i < 3000; i++) {
            writer.write(new byte[] {(byte) i});
        }
        writer.close();
        assertThat(writes).containsExactly(3000);
    }

    @Test
    void aFailedWriteFailsTheWriterInsteadOfLeavingAShortFile() throws Exception {
        HashingWriter writer = new HashingWriter(new java.nio.channels.WritableByteChannel() {
            @Override
            public int write(java.nio.ByteBuffer src) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        }, ZipPackageBuilder.DAEMONS);
        // the failure may show at the next hand-over already, and shows at close in any case
        Throwable atWrite = org.assertj.core.api.Assertions.catchThrowable(() -> writer.write(new byte[3 * HashingWriter.CHUNK]));
        Throwable atClose = org.assertj.core.api.Assertions.catchThrowable(writer::close);
        for (Throwable t : atWrite == null ? List.of(atClose) : List.of(atWrite, atClose)) {
            assertThat(t).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("writing the package failed: No space left on device");
        }
    }

    @Test
    void aCopyStopsWhereItsSourceEnds() throws Exception {
        HashingWriter writer = new HashingWriter(Channels.newChannel(new ByteArrayOutputStream()), ZipPackageBuilder.DAEMONS);
        long copied = writer.copy(Channels.newChannel(new ByteArrayInputStream(new byte[10])), 20, new CRC32(), n -> { });
        writer.close();
        assertThat(copied).isEqualTo(10);
        assertThat(writer.position()).isEqualTo(10);
    }

    private static io.tracegate.audit.domain.SourceFile stored(byte[] bytes) {
        return new io.tracegate.audit.domain.SourceFile("evidence/12/kpi.csv", io.tracegate.audit.domain.FileRole.EVIDENCE,
                "kpi.csv", java.nio.file.Path.of("/blobs/kpi"), hex(bytes), bytes.length, java.time.Instant.EPOCH);
    }

    private static String hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
