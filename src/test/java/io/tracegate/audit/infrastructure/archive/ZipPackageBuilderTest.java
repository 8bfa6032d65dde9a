package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.BuiltPackage;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageStep;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.audit.infrastructure.SyntheticPackage;
import io.tracegate.audit.infrastructure.TestKeys;
import io.tracegate.audit.infrastructure.Tools;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A whole package from a made-up release, checked the way the README tells an auditor to. */
class ZipPackageBuilderTest {

    @TempDir
    static Path dir;
    static List<SourceFile> files;
    static PackageContent content;
    static BuiltPackage built;
    static Path extracted;

    @BeforeAll
    static void build() throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        files = SyntheticPackage.files(stored);
        content = SyntheticPackage.content(files);
        built = builder().build(content, files, dir.resolve("package.zip"));
        extracted = Files.createDirectories(dir.resolve("extracted"));
        Tools.Run unzip = Tools.run(extracted, "unzip", "-q", built.file().toString());
        assertThat(unzip.exit()).as(unzip.output()).isZero();
    }

    static ZipPackageBuilder builder() {
        return new ZipPackageBuilder(TestKeys.key(), "Tracegate test");
    }

    @Test
    void sameStateGivesTheSameBytes() throws Exception {
        BuiltPackage again = builder().build(content, files, dir.resolve("again.zip"));
        assertThat(again.sha256()).isEqualTo(built.sha256());
        assertThat(Files.readAllBytes(again.file())).isEqualTo(Files.readAllBytes(built.file()));
        assertThat(built.sha256()).isEqualTo(sha256(built.file()));
        assertThat(built.size()).isEqualTo(Files.size(built.file()));
    }

    @Test
    void entriesComeInAFixedOrderStoredWithTheirUploadOrTheContentTime() throws Exception {
        try (ZipFile zip = new ZipFile(built.file().toFile())) {
            List<ZipEntry> entries = Collections.list(zip.entries()).stream().map(e -> (ZipEntry) e).toList();
            assertThat(entries).extracting(ZipEntry::getName).containsExactly(files.get(0).path(),
                    files.get(1).path(), "manifest.json", "release-manifest.txt", "traceability.csv",
                    "signing-cert.pem", "report.pdf", "SHA256SUMS", "SHA256SUMS.sig");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getExtra()).isNull();
            });
            // DOS times count in two seconds, in UTC
            assertThat(entries.get(0).getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 20, 8, 15, 30));
            assertThat(entries.get(1).getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 20, 22, 40, 6));
            assertThat(entries.subList(2, entries.size())).allSatisfy(e ->
                    assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 21, 10, 0, 0)));
        }
        assertThat(files.get(1).path()).isEqualTo("evidence/12/_HYPERLINK__http___x____evil.csv");
    }

    @Test
    void sha256sumChecksEveryFile() {
        Tools.Run check = Tools.run(extracted, "sha256sum", "-c", "--strict", "SHA256SUMS");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output().lines().toList()).hasSize(7).allMatch(l -> l.endsWith(": OK"));
    }

    @Test
    void opensslVerifiesTheCmsSignatureOverSha256sums() {
        Tools.Run verify = Tools.run(extracted, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-content", "SHA256SUMS", "-in", "SHA256SUMS.sig", "-CAfile", "signing-cert.pem", "-purpose", "any",
                "-out", "/dev/null");
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("Verification successful");
        Tools.Run noVerify = Tools.run(extracted, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-content", "SHA256SUMS", "-in", "SHA256SUMS.sig", "-noverify", "-certfile", "signing-cert.pem",
                "-out", "/dev/null");
        assertThat(noVerify.exit()).as(noVerify.output()).isZero();
    }

    @Test
    void pdfsigVerifiesTheReport() {
        assertThat(Tools.run(extracted, "pdfsig", "report.pdf").output()).contains("Signature is Valid.");
    }

    @Test
    void manifestJsonListsEveryEntryWithRoleAndTheHashableOnesWithDigestAndSize() throws Exception {
        JsonObject manifest;
        try (InputStream in = Files.newInputStream(extracted.resolve("manifest.json"))) {
            manifest = Json.createReader(in).readObject();
        }
        assertThat(manifest.getJsonObject("release").getString("manifestDigest"))
                .isEqualTo(content.summary().manifestDigest());
        assertThat(manifest.getString("generator")).isEqualTo("Tracegate test");
        assertThat(manifest.getString("contentAsOf")).isEqualTo("2026-11-21T10:00:00Z");
        List<JsonObject> listed = manifest.getJsonArray("files").stream().map(JsonValue::asJsonObject).toList();
        assertThat(listed).extracting(f -> f.getString("path")).containsExactlyInAnyOrder("report.pdf", "manifest.json",
                "release-manifest.txt", "traceability.csv", "signing-cert.pem", files.get(0).path(), files.get(1).path(),
                "SHA256SUMS", "SHA256SUMS.sig");
        JsonObject evidence = listed.stream().filter(f -> f.getString("path").equals(files.get(1).path())).findFirst()
                .orElseThrow();
        assertThat(evidence.getString("sha256")).isEqualTo(files.get(1).sha256());
        assertThat(evidence.getString("role")).isEqualTo("evidence");
        assertThat(evidence.getString("originalName")).isEqualTo(SyntheticPackage.HOSTILE_NAME);
        assertThat(evidence.getJsonNumber("size").longValue()).isEqualTo(files.get(1).size());
        assertThat(sha256(extracted.resolve("release-manifest.txt"))).isNotBlank();
    }

    @Test
    void theVerifierAcceptsIt() {
        var verification = new ZipPackageVerifier().verify(built.file());
        assertThat(verification.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
        assertThat(verification.valid()).isTrue();
    }

    @Test
    void aCopyThatCannotGetAThreadFailsTheStartAndLetsTheWritersThreadsGo() {
        java.util.List<Thread> started = new java.util.ArrayList<>();
        // the writer's three threads are made, then the copy's is refused
        java.util.concurrent.ThreadFactory threeOnly = work -> {
            if (started.size() == 3) {
                throw new java.util.concurrent.RejectedExecutionException("no more threads");
            }
            Thread t = ZipPackageBuilder.DAEMONS.newThread(work);
            started.add(t);
            return t;
        };
        ZipPackageBuilder builder = new ZipPackageBuilder(TestKeys.key(), "Tracegate test", threeOnly);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> builder.open(files, dir.resolve("no-thread.zip")))
                        .hasMessageContaining("no more threads"));
        for (Thread t : started) {
            assertThat(t.isAlive()).as(t.getName()).isFalse();
        }
    }

    @Test
    void refusesAStoredFileThatNoLongerMatchesItsRecordedDigest() throws Exception {
        Path copy = dir.resolve("damaged.csv");
        Files.copy(files.get(1).location(), copy);
        Files.writeString(copy, "tampered", java.nio.file.StandardOpenOption.APPEND);
        SourceFile damaged = new SourceFile(files.get(1).path(), files.get(1).role(), files.get(1).originalName(), copy,
                files.get(1).sha256(), files.get(1).size(), files.get(1).storedAt());
        assertThatThrownBy(() -> builder().build(content, List.of(files.get(0), damaged), dir.resolve("damaged.zip")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the blob store is damaged");
    }

    @Test
    void aCrc32RecordedAtUploadGivesTheSameBytesWithoutAReadOfItsOwn() {
        List<SourceFile> withCrcs = files.stream().map(f -> withCrc(f, crc32(f.location()))).toList();
        List<String> steps = new ArrayList<>();

        BuiltPackage again = builder().build(content, withCrcs, dir.resolve("recorded-crc.zip"),
                (step, done, total) -> steps.add(step.name()));

        assertThat(again.sha256()).isEqualTo(built.sha256());
        assertThat(steps).doesNotContain(PackageStep.COMPUTING_CRCS.name()).contains(PackageStep.WRITING_ARCHIVE.name());
        assertThat(again.computedCrc32s()).isEmpty();
    }

    @Test
    void filesStoredBeforeCrcsWereRecordedHaveTheirsComputedAndHandedBack() {
        List<String> steps = new ArrayList<>();

        BuiltPackage computed = builder().build(content, files, dir.resolve("computed-crc.zip"),
                (step, done, total) -> steps.add(step.name()));

        assertThat(steps).last().isEqualTo(PackageStep.RENDERING_REPORT.name());
        assertThat(computed.computedCrc32s()).as("handed back to be recorded").containsOnly(
                java.util.Map.entry(files.get(0).sha256(), crc32(files.get(0).location())),
                java.util.Map.entry(files.get(1).sha256(), crc32(files.get(1).location())));
    }

    @Test
    void refusesAStoredFileChangedInPlaceThoughItsSizeAndRecordedCrcAreUnchanged() throws Exception {
        SourceFile flipped = flippedCopy("flipped.csv", true);
        Path target = dir.resolve("flipped.zip");

        assertThatThrownBy(() -> builder().build(content, List.of(files.get(0), flipped), target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hashes to " + sha256(flipped.location()))
                .hasMessageContaining("not to the recorded " + files.get(1).sha256())
                .hasMessageContaining("the blob store is damaged");
    }

    @Test
    void aFileNotDueForRehashingIsStillCheckedAgainstItsRecordedCrc32() throws Exception {
        SourceFile flipped = flippedCopy("flipped-recent.csv", false);

        assertThatThrownBy(() -> builder().build(content, List.of(files.get(0), flipped), dir.resolve("recent.zip")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored file " + SyntheticPackage.HOSTILE_NAME)
                .hasMessageContaining("no longer matches the CRC-32 recorded at upload")
                .hasMessageContaining("the blob store is damaged");
    }

    @Test
    void onlyFilesDueForRehashingAreReportedAsRehashed() {
        List<SourceFile> mixed = List.of(withCrc(files.get(0), crc32(files.get(0).location()), false),
                withCrc(files.get(1), crc32(files.get(1).location()), true));

        BuiltPackage mixedBuild = builder().build(content, mixed, dir.resolve("mixed.zip"));

        assertThat(mixedBuild.rehashed()).containsExactly(files.get(1).sha256());
        assertThat(mixedBuild.sha256()).isEqualTo(built.sha256());
    }

    /**
     * The KPI file with one bit flipped in a copy, recorded with the original's digest, size and CRC-32: damage
     * that leaves the size alone.
     */
    private static SourceFile flippedCopy(String name, boolean rehash) throws IOException {
        SourceFile original = files.get(1);
        Path copy = dir.resolve(name);
        byte[] bytes = Files.readAllBytes(original.location());
        bytes[bytes.length / 2] ^= 1;
        Files.write(copy, bytes);
        return withCrc(new SourceFile(original.path(), original.role(), original.originalName(), copy,
                original.sha256(), original.size(), original.storedAt()), crc32(original.location()), rehash);
    }

    private static SourceFile withCrc(SourceFile f, long crc) {
        return withCrc(f, crc, true);
    }

    private static SourceFile withCrc(SourceFile f, long crc, boolean rehash) {
        return new SourceFile(f.path(), f.role(), f.originalName(), f.location(), f.sha256(), f.size(), f.storedAt(),
                OptionalLong.of(crc), rehash);
    }

    private static long crc32(Path file) {
        try {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            return crc.getValue();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
