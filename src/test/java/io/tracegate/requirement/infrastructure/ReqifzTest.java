package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReqifzTest {

    private static final String SHA = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final byte[] MINIMAL = ReqifDocuments.builder()
            .object("R-1", Map.of("ReqIF.Name", "One", "ASIL", "A")).build().getBytes(StandardCharsets.UTF_8);

    private final ReqifFormat format = new ReqifFormat();

    private List<RequirementDraft> read(byte[] archive) {
        return format.read("exports/front.reqifz", new ByteArrayInputStream(archive), SHA);
    }

    private BaselineRejected refused(byte[] archive) {
        return catchThrowableOfType(() -> read(archive), BaselineRejected.class);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes {@code mebibytes} MiB of {@code fill} after {@code prefix}, deflated as it goes: the array stays small. */
    private static void putRepeated(ZipOutputStream zip, String name, String prefix, byte fill, int mebibytes)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(prefix.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, fill);
        for (int i = 0; i < mebibytes; i++) {
            zip.write(chunk);
        }
        zip.closeEntry();
    }

    @Test
    void readsEveryReqifDocumentInTheArchiveAndSkipsAttachments() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("front.reqif", ReqifDocuments.doorsExport().getBytes(StandardCharsets.UTF_8));
        entries.put("images/", new byte[0]);
        entries.put("images/fig-1.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        entries.put("modules/Rear.REQIF", ReqifDocuments.builder()
                .object("_rear", Map.of("ReqIF.ForeignID", "TSR-REAR", "ReqIF.Name", "Rear", "ASIL", "B"))
                .relation("_rear", "_obj-sg01").build().getBytes(StandardCharsets.UTF_8));

        List<RequirementDraft> drafts = read(zip(entries));

        assertThat(drafts).extracting(d -> d.id().value())
                .containsExactlyInAnyOrder("SG-01", "MLR-PERF-PED-NIGHT", "TSR-CAM-HEALTH", "TSR-REAR");
        RequirementDraft rear = drafts.stream().filter(d -> d.id().value().equals("TSR-REAR")).findFirst().orElseThrow();
        assertThat(rear.parents()).containsExactly(new RequirementId("SG-01"));
        assertThat(rear.sourcePath()).isEqualTo("exports/front.reqifz#_rear");
        assertThat(rear.sourceVersion()).isEqualTo(SHA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.reqif", "/abs.reqif", "a/../../x.reqif", "..\\x.reqif", "C:/x.reqif"})
    void refusesEntryNamesThatWouldEscapeAnExtractionDirectory(String name) throws IOException {
        BaselineRejected e = refused(zip(Map.of(name, MINIMAL)));

        assertThat(e.getMessage()).contains("exports/front.reqifz", "archive refused", "entry '" + name + "'");
    }

    @Test
    void refusesAnArchiveWithTheSameEntryTwice() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.reqif", MINIMAL);
        entries.put("b.reqif", MINIMAL);
        byte[] archive = zip(entries);
        // ZipOutputStream will not write a duplicate, so rename b to a in the finished bytes (headers and directory).
        String patched = new String(archive, StandardCharsets.ISO_8859_1).replace("b.reqif", "a.reqif");

        BaselineRejected e = refused(patched.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(e.getMessage()).contains("entry 'a.reqif' appears twice");
    }

    @Test
    void refusesAZipBombEntryThatIsSkipped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            putRepeated(zip, "zeros.bin", "", (byte) 0, 300);
            zip.putNextEntry(new ZipEntry("front.reqif"));
            zip.write(MINIMAL);
        }
        assertThat(bytes.size()).isLessThan(1024 * 1024);

        BaselineRejected e = refused(bytes.toByteArray());

        assertThat(e.getMessage()).contains("entry 'zeros.bin'", "100 times");
    }

    @Test
    void refusesAZipBombInsideAReqifDocumentWhileItIsParsed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            putRepeated(zip, "bomb.reqif", "<REQ-IF xmlns=\"" + ReqifDocuments.NS_2011 + "\"><THE-HEADER>", (byte) ' ', 300);
        }

        BaselineRejected e = refused(bytes.toByteArray());

        assertThat(e.getMessage()).contains("entry 'bomb.reqif'", "100 times");
    }

    @Test
    void refusesArchivesInflatingToMoreThan256MiBInTotal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Each entry stays at 1 MiB, below where the ratio is checked: only the total can stop these.
            for (int i = 0; i < 300; i++) {
                putRepeated(zip, "part-" + i + ".bin", "", (byte) 0, 1);
            }
        }

        BaselineRejected e = refused(bytes.toByteArray());

        assertThat(e.getMessage()).contains("over 256 MiB inflated");
    }

    @Test
    void refusesMoreThanOneThousandEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 1_001; i++) {
            entries.put("attachments/" + i + ".txt", new byte[] {'x'});
        }

        assertThat(refused(zip(entries)).getMessage()).contains("more than 1000 entries");
    }

    @Test
    void refusesANestedArchive() throws IOException {
        byte[] inner = zip(Map.of("inner.reqif", MINIMAL));

        assertThat(refused(zip(Map.of("inner.reqifz", inner, "outer.reqif", MINIMAL))).getMessage())
                .contains("entry 'inner.reqifz' is a nested archive");
    }

    @Test
    void reportsAnArchiveWithoutAnyReqifDocument() throws IOException {
        assertThat(refused(zip(Map.of("README.txt", new byte[] {'h', 'i'}))).getMessage())
                .contains("exports/front.reqifz", "no .reqif document");
        assertThat(refused("not a zip at all".getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("no .reqif document");
    }

    @Test
    void namesTheEntryWhenADocumentInsideIsBroken() throws IOException {
        BaselineRejected e = refused(zip(Map.of("good.reqif", MINIMAL, "docs/broken.reqif",
                "<REQ-IF><oops></REQ-IF>".getBytes(StandardCharsets.UTF_8))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("exports/front.reqifz");
            assertThat(p.message()).contains("entry 'docs/broken.reqif'", "not readable as XML");
        });
    }
}
