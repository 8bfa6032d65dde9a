package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.PackageVerification;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.audit.infrastructure.SyntheticPackage;
import io.tracegate.audit.infrastructure.TestKeys;
import io.tracegate.audit.infrastructure.signing.CmsSignatures;
import io.tracegate.audit.infrastructure.signing.KeyStoreFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** THREATS T17: a tampered package fails verification, and the failed check says why. */
class ZipPackageVerifierTest {

    @TempDir
    static Path dir;
    static Path original;
    static String evidencePath;

    @BeforeAll
    static void build() throws Exception {
        List<SourceFile> files = SyntheticPackage.files(Files.createDirectories(dir.resolve("stored")));
        evidencePath = files.get(1).path();
        BuiltPackage built = new ZipPackageBuilder(TestKeys.key(), "Tracegate test")
                .build(SyntheticPackage.content(files), files, dir.resolve("package.zip"));
        original = built.file();
    }

    @Test
    void theUntouchedPackagePassesEveryCheck() {
        PackageVerification v = new ZipPackageVerifier().verify(original);
        assertThat(v.valid()).isTrue();
        assertThat(v.checks()).hasSize(8);
        assertThat(v.signer()).contains("CN=Tracegate unit tests");
        assertThat(v.manifestDigest()).isEqualTo(sha256(SyntheticPackage.RELEASE_MANIFEST.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFlippedByteInAStoredEntryFails() throws Exception {
        byte[] zip = Files.readAllBytes(original);
        int at = indexOf(zip, "recall,0.951".getBytes(StandardCharsets.US_ASCII));
        zip[at] ^= 0x01;
        PackageVerification v = verify(zip);
        assertThat(v.valid()).isFalse();
        assertThat(failed(v)).anySatisfy(d -> assertThat(d).containsIgnoringCase("CRC"));
    }

    @Test
    void aChangedFileRepackedWithAValidZipIsNamedBySha256sums() throws Exception {
        PackageVerification v = verify(rezip(entries -> entries.put(evidencePath, "recall,0.999\n".getBytes())));
        assertThat(failing(v, "SHA256SUMS: every listed file is present and matches"))
                .contains(evidencePath + " hashes to ").contains(", SHA256SUMS says ");
    }

    @Test
    void anExtraEntryIsNamed() throws Exception {
        PackageVerification v = verify(rezip(entries -> entries.put("evidence/extra.txt", "surprise".getBytes())));
        assertThat(failing(v, "SHA256SUMS: no unlisted entry")).isEqualTo("not in SHA256SUMS: evidence/extra.txt");
        assertThat(failing(v, ManifestCheck.NAME)).contains("evidence/extra.txt is in the package but not in manifest.json");
    }

    @Test
    void aMissingEntryIsNamed() throws Exception {
        PackageVerification v = verify(rezip(entries -> entries.remove("traceability.csv")));
        assertThat(failing(v, "SHA256SUMS: every listed file is present and matches"))
                .isEqualTo("traceability.csv is listed but missing from the package");
    }

    @Test
    void aDuplicateNameIsNamed() throws Exception {
        byte[] zip = rezipBytes(entries -> entries.put("traceability.cs_", "a second copy".getBytes()));
        replaceAll(zip, "traceability.cs_", "traceability.csv");
        PackageVerification v = verify(zip);
        assertThat(v.valid()).isFalse();
        assertThat(failed(v)).anySatisfy(d -> assertThat(d).containsIgnoringCase("duplicate"));
    }

    @Test
    void aNameThatEscapesTheFolderIsRefused() throws Exception {
        PackageVerification v = verify(rezip(entries -> entries.put("../outside.txt", "x".getBytes())));
        assertThat(failing(v, "archive: readable, no duplicate, hidden or unsafe entry names"))
                .contains("write outside the folder").contains("../outside.txt");
    }

    @Test
    void rewrittenChecksumsNoLongerMatchTheirSignature() throws Exception {
        PackageVerification v = verify(rezip(entries -> {
            byte[] changed = "recall,0.999\n".getBytes();
            entries.put(evidencePath, changed);
            entries.put("SHA256SUMS", new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8)
                    .replaceAll("[0-9a-f]{64}(  " + java.util.regex.Pattern.quote(evidencePath) + ")", sha256(changed) + "$1")
                    .getBytes(StandardCharsets.UTF_8));
        }));
        assertThat(failing(v, "SHA256SUMS.sig: CMS signature over SHA256SUMS by the included certificate"))
                .contains("does not match");
        assertThat(passed(v, "SHA256SUMS: every listed file is present and matches")).isTrue();
    }

    @Test
    void checksumsSignedWithAnotherKeyAreNotTheIncludedCertificates() throws Exception {
        var other = KeyStoreFiles.selfSigned(dir.resolve("other-key"), "Someone else");
        PackageVerification v = verify(rezip(entries -> entries.put("SHA256SUMS.sig",
                sign(other, entries.get("SHA256SUMS")))));
        assertThat(failing(v, "SHA256SUMS.sig: CMS signature over SHA256SUMS by the included certificate"))
                .contains("signed by O=Tracegate (self-signed),CN=Someone else, not by the one in signing-cert.pem");
    }

    @Test
    void aReportChangedAfterSigningFailsItsSignatureCheck() throws Exception {
        PackageVerification v = verify(rezip(entries -> {
            byte[] report = entries.get("report.pdf");
            byte[] appended = java.util.Arrays.copyOf(report, report.length + 20);
            System.arraycopy("\n% appended later\n".getBytes(), 0, appended, report.length, 18);
            entries.put("report.pdf", appended);
        }));
        assertThat(failing(v, "report.pdf: PDF signature valid over the whole file, by the included certificate"))
                .contains("does not cover the whole file");
    }

    @Test
    void anEditedManifestJsonDiffersFromTheCopyInTheReport() throws Exception {
        PackageVerification v = verify(rezip(entries -> {
            byte[] manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                    .replace("\"status\": \"APPROVED\"", "\"status\": \"RELEASED\"").getBytes(StandardCharsets.UTF_8);
            entries.put("manifest.json", manifest);
            byte[] sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8)
                    .replaceAll("[0-9a-f]{64}(  manifest\\.json)", sha256(manifest) + "$1").getBytes(StandardCharsets.UTF_8);
            entries.put("SHA256SUMS", sums);
            entries.put("SHA256SUMS.sig", sign(TestKeys.key(), sums));
        }));
        assertThat(failing(v, ManifestCheck.NAME)).contains("the manifest.json attached to report.pdf differs");
        assertThat(passed(v, "SHA256SUMS.sig: CMS signature over SHA256SUMS by the included certificate")).isTrue();
    }

    @Test
    void somethingThatIsNoZipFailsWithTheReason() throws Exception {
        PackageVerification v = verify("not a zip at all".getBytes());
        assertThat(v.valid()).isFalse();
        assertThat(v.checks().get(0).detail()).startsWith("not a readable ZIP");
    }

    private static byte[] sign(io.tracegate.audit.infrastructure.signing.SigningKey key, byte[] content) {
        try {
            return CmsSignatures.signDetached(key, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PackageVerification verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile(dir, "tampered", ".zip");
        Files.write(file, zip);
        return new ZipPackageVerifier().verify(file);
    }

    private static List<String> failed(PackageVerification v) {
        return v.checks().stream().filter(c -> !c.passed()).map(PackageVerification.Check::detail).toList();
    }

    private static String failing(PackageVerification v, String check) {
        PackageVerification.Check c = v.checks().stream().filter(x -> x.name().equals(check)).findFirst().orElseThrow(
                () -> new AssertionError("no check '" + check + "' in " + v.checks()));
        assertThat(c.passed()).as(check + " should fail").isFalse();
        assertThat(v.valid()).isFalse();
        return c.detail();
    }

    private static boolean passed(PackageVerification v, String check) {
        return v.checks().stream().filter(x -> x.name().equals(check)).findFirst().orElseThrow().passed();
    }

    private static byte[] rezip(Consumer<Map<String, byte[]>> change) throws IOException {
        return rezipBytes(change);
    }

    /** The package's entries, changed, written again as a valid ZIP (the CRCs right, the content not). */
    private static byte[] rezipBytes(Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(original.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        change.accept(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void replaceAll(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, data, i, t.length);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
