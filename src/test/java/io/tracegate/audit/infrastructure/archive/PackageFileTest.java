package io.tracegate.audit.infrastructure.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PackageFileTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryByteInOrderWhetherABlockCanBypassTheCacheOrNot() throws Exception {
        Path zip = dir.resolve("package.zip");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SplittableRandom random = new SplittableRandom(11);
        // Whole aligned blocks, then a header-sized piece that misaligns what follows, then blocks again, then a tail.
        int[] sizes = {HashingWriter.CHUNK, HashingWriter.CHUNK, 46, HashingWriter.CHUNK, 4096, 30_000};
        try (PackageFile file = PackageFile.create(Files.createFile(zip))) {
            for (int size : sizes) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                expected.write(bytes);
                ByteBuffer block = ByteBuffer.allocateDirect(HashingWriter.CHUNK + HashingWriter.ALIGNMENT)
                        .alignedSlice(HashingWriter.ALIGNMENT).limit(size).slice();
                block.put(bytes).flip();
                assertThat(file.write(block)).isEqualTo(size);
                assertThat(block.hasRemaining()).isFalse();
            }
            if ("ext4".equals(Files.getFileStore(dir).type()) || "xfs".equals(Files.getFileStore(dir).type())) {
                assertThat(file.bypassesCache()).isTrue();
            }
        }
        assertThat(Files.readAllBytes(zip)).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFileSystemThatRefusesWritesAroundItsCacheGetsThemThroughIt() throws Exception {
        Path zip = dir.resolve("package.zip");
        byte[] bytes = new byte[2 * HashingWriter.CHUNK];
        new SplittableRandom(5).nextBytes(bytes);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        try (java.nio.channels.FileChannel cached = java.nio.channels.FileChannel.open(zip,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
             PackageFile file = new PackageFile(cached, (src, position) -> {
                 refused.incrementAndGet();
                 src.position(src.position() + 4096); // a part went out before the refusal
                 throw new java.io.IOException("Invalid argument");
             }, null, 4096)) {
            for (int i = 0; i < 2; i++) {
                ByteBuffer block = ByteBuffer.allocateDirect(HashingWriter.CHUNK + HashingWriter.ALIGNMENT)
                        .alignedSlice(HashingWriter.ALIGNMENT).limit(HashingWriter.CHUNK).slice();
                block.put(bytes, i * HashingWriter.CHUNK, HashingWriter.CHUNK).flip();
                file.write(block);
            }
            assertThat(file.bypassesCache()).isFalse();
        }
        assertThat(refused).as("tried once, then no more").hasValue(1);
        assertThat(Files.readAllBytes(zip)).isEqualTo(bytes);
    }

    @Test
    void emptiesAFileThatAlreadyHadBytes() throws Exception {
        Path zip = Files.write(dir.resolve("package.zip"), new byte[100_000]);
        try (PackageFile file = PackageFile.create(zip)) {
            file.write(ByteBuffer.wrap(new byte[] {'P', 'K'}));
        }
        assertThat(Files.readAllBytes(zip)).containsExactly('P', 'K');
    }
}
