package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.audit.domain.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredFilesCopyTest {

    @TempDir
    Path dir;

    @Test
    void copiesEveryFileAndComputesTheCrcsThatWereNotRecorded() throws Exception {
        List<SourceFile> files = List.of(file("a.log", 300_000, true), file("b.log", 5, false));
        HashingWriter writer = new HashingWriter(Channels.newChannel(new ByteArrayOutputStream()), ZipPackageBuilder.DAEMONS);
        StoredFilesCopy copy = new StoredFilesCopy(files, new DeterministicZip(writer), writer);

        long[] crcs = copy.call();
        writer.close();

        assertThat(crcs).containsExactly(crc(files.get(0)), crc(files.get(1)));
        List<String> reported = new ArrayList<>();
        copy.report((step, done, total) -> reported.add(step + " " + done + "/" + total));
        assertThat(reported).containsExactly(PackageStep.WRITING_ARCHIVE + " 300005/300005");
    }

    @Test
    void aStoppedCopyGivesUpAtItsNextRead() throws Exception {
        HashingWriter writer = new HashingWriter(Channels.newChannel(new ByteArrayOutputStream()), ZipPackageBuilder.DAEMONS);
        StoredFilesCopy copy = new StoredFilesCopy(List.of(file("a.log", 10, true)), new DeterministicZip(writer), writer);
        copy.stop();

        assertThatThrownBy(copy::call).isInstanceOf(CancellationException.class).hasMessageContaining("given up");
        writer.close();
    }

    private SourceFile file(String name, int size, boolean crcRecorded) throws Exception {
        Path path = dir.resolve(name);
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        Files.write(path, bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new SourceFile("evidence/" + name, FileRole.EVIDENCE, name, path, "0".repeat(64), size,
                Instant.parse("2026-11-20T08:00:00Z"), crcRecorded ? OptionalLong.of(crc.getValue()) : OptionalLong.empty(),
                false);
    }

    private static long crc(SourceFile f) throws Exception {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(f.location()));
        return crc.getValue();
    }
}
