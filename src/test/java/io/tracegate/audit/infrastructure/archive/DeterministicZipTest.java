package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.infrastructure.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeterministicZipTest {

    private static final Instant TIME = Instant.parse("2026-03-14T09:26:53Z");

    @TempDir
    Path dir;

    @Test
    void writesStoredEntriesThatTheJdkAndUnzipReadBackByteForByte() throws Exception {
        Map<String, byte[]> files = someFiles();
        Path zip = write("classic.zip", files, DeterministicZip.ZIP64_FROM);

        assertReadsBack(zip, files);
        Tools.Run test = Tools.run(dir, "unzip", "-t", zip.toString());
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("No errors detected");
    }

    @Test
    void zip64FieldsAreReadBackWhereSizesAndOffsetsNeedThem() throws Exception {
        // Entries of 4 GiB take minutes to write; the same fields are exercised by moving where they start.
        Map<String, byte[]> files = someFiles();
        Path zip = write("zip64.zip", files, 0);

        assertReadsBack(zip, files);
        Tools.Run test = Tools.run(dir, "unzip", "-t", zip.toString());
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(Files.size(zip)).isGreaterThan(Files.size(write("classic.zip", files, DeterministicZip.ZIP64_FROM)));
    }

    @Test
    void moreEntriesThanTheClassicEndRecordCountsAreAllListed() throws Exception {
        Path zip = dir.resolve("many.zip");
        byte[] line = "line 60000".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(line);
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             HashingWriter writer = new HashingWriter(channel, ZipPackageBuilder.DAEMONS)) {
            DeterministicZip out = new DeterministicZip(writer);
            for (int i = 0; i < 70_000; i++) {
                boolean withLine = i == 60_000;
                out.open("evidence/" + i + ".log", withLine ? line.length : 0, withLine ? crc.getValue() : 0, TIME);
                if (withLine) {
                    writer.write(line);
                }
                out.closeEntry();
            }
            out.finish();
        }

        try (ZipFile read = new ZipFile(zip.toFile())) {
            assertThat(read.size()).isEqualTo(70_000);
            assertThat(read.getInputStream(read.getEntry("evidence/60000.log")).readAllBytes()).isEqualTo(line);
        }
        Tools.Run test = Tools.run(dir, "unzip", "-t", zip.toString());
        assertThat(test.exit()).as(test.output()).isZero();
    }

    @Test
    void theSameEntriesAndTimeGiveTheSameBytes() throws Exception {
        Map<String, byte[]> files = someFiles();
        assertThat(Files.readAllBytes(write("a.zip", files, DeterministicZip.ZIP64_FROM)))
                .isEqualTo(Files.readAllBytes(write("b.zip", files, DeterministicZip.ZIP64_FROM)));
    }

    @Test
    void anEntryGivenFewerBytesThanItsHeaderAnnouncedIsRefusedNamingIt() throws Exception {
        try (FileChannel channel = FileChannel.open(dir.resolve("short.zip"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE); HashingWriter writer = new HashingWriter(channel, ZipPackageBuilder.DAEMONS)) {
            DeterministicZip zip = new DeterministicZip(writer);
            zip.open("evidence/kpi.csv", 10, 0, TIME);
            writer.write(new byte[9]);
            assertThatThrownBy(zip::closeEntry).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("evidence/kpi.csv got 9 bytes, not the 10");
        }
    }

    private Map<String, byte[]> someFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.json", "{\"files\":[]}".getBytes(StandardCharsets.UTF_8));
        files.put("evidence/empty.log", new byte[0]);
        byte[] big = new byte[3 * HashingWriter.CHUNK + 17];
        new SplittableRandom(3).nextBytes(big);
        files.put("evidence/12/recording-ü.bin", big);
        files.put("SHA256SUMS", "abc  manifest.json\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Path write(String name, Map<String, byte[]> files, long zip64From) throws IOException {
        Path zip = dir.resolve(name);
        Path sources = Files.createDirectories(dir.resolve(name + ".files"));
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); HashingWriter writer = new HashingWriter(channel, ZipPackageBuilder.DAEMONS)) {
            DeterministicZip out = new DeterministicZip(writer, zip64From);
            int i = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path source = sources.resolve(String.valueOf(i++));
                Files.write(source, f.getValue());
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                out.add(new HashedFile(f.getKey(), null, source, "", f.getValue().length, crc.getValue(), null), TIME);
            }
            out.finish();
        }
        return zip;
    }

    private static void assertReadsBack(Path zip, Map<String, byte[]> files) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile read = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(read.entries())) {
                names.add(e.getName());
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 3, 14, 9, 26, 52));
                try (InputStream in = read.getInputStream(e)) {
                    assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(files.get(e.getName()));
                }
            }
        }
        assertThat(names).containsExactlyElementsOf(files.keySet());
        List<String> streamed = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                streamed.add(e.getName());
                assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(files.get(e.getName()));
            }
        }
        assertThat(streamed).containsExactlyElementsOf(files.keySet());
    }
}
