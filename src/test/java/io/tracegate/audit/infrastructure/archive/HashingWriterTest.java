package io.tracegate.audit.infrastructure.archive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingWriterTest {

    @Test
    void writesEveryByteThroughAndHashesThemAllWhateverTheWriteSizes() throws Exception {
        for (int size : new int[] {0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 7 * (1 << 20) / 2}) {
            byte[] bytes = new byte[size];
            new SplittableRandom(size).nextBytes(bytes);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            HashingWriter writer = new HashingWriter(sink);
            SplittableRandom pieces = new SplittableRandom(7);
            for (int off = 0; off < size; ) {
                int len = Math.min(size - off, pieces.nextInt(1, 300_000));
                if (len == 1) {
                    writer.write(bytes[off]);
                } else {
                    writer.write(bytes, off, len);
                }
                off += len;
            }
            writer.close();

            assertThat(sink.toByteArray()).isEqualTo(bytes);
            assertThat(writer.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }

    @Test
    void hasNoDigestBeforeItIsClosed() throws Exception {
        HashingWriter writer = new HashingWriter(new ByteArrayOutputStream());
        writer.write(new byte[] {1, 2, 3});
        assertThatThrownBy(writer::digest).isInstanceOf(IllegalStateException.class);
        writer.close();
        writer.close();
        assertThat(writer.digest()).hasSize(32);
    }
}
