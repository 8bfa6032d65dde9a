package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.infrastructure.SyntheticPackage;
import io.tracegate.audit.infrastructure.TestKeys;
import io.tracegate.audit.infrastructure.Tools;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report rendered from a made-up release, checked with poppler's tools, veraPDF and PDFBox. */
class ReportRendererTest {

    static final byte[] MANIFEST = "{\"format\": \"tracegate-audit-package/1\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static PackageContent content;
    static Path pdf;
    static String text;

    @BeforeAll
    static void render() throws Exception {
        content = SyntheticPackage.content(SyntheticPackage.files(dir));
        pdf = dir.resolve("report.pdf");
        ReportRenderer.render(content, TestKeys.key(), "Tracegate test", MANIFEST, pdf);
        text = Tools.run(dir, "pdftotext", "-layout", "report.pdf", "-").output();
    }

    @Test
    void hasEveryTitledSectionAsTextAndAsBookmark() throws Exception {
        List<String> sections = List.of("1 Summary", "2 Model identity", "3 Optimization settings and cross-check",
                "4 Requirement baseline", "5 Traceability matrix", "6 KPI results", "7 Evidence index",
                "8 Approvals and electronic signatures", "9 Audit trail", "10 Standards mapping");
        assertThat(text).contains(sections);
        List<String> bookmarks = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
        }
        assertThat(bookmarks).containsExactlyElementsOf(sections);
    }

    @Test
    void showsRequirementRowsWithCriteriaValuesVerdictsAndReviews() {
        assertThat(text).contains("MLR-PERF-VRU-NIGHT · ASIL B · parents: SG-1")
                .contains("recall[class=pedestrian, set=night-hil] >= 0.95")
                .containsPattern("recall\\[class=pedestrian, set=night-hil\\]\\s+met\\s+ACCEPTED")
                .contains("latency.p99_ms[target=orin] = 31.4")
                .contains("not met")
                .contains("WAIVED");
    }

    @Test
    void chartsTheLatencyDistributionOfEachTimingFileAgainstItsBudget() {
        assertThat(text).contains("Latency distribution on the target")
                .contains("trtexec-times-orin.json (evidence 12): 1000 inferences, min 11.20 ms, median 16.10 ms, p99 31.40 ms, max 33.00 ms")
                .contains("red: latency.p99_ms[target=orin] <= 30 ms");
    }

    @Test
    void listsRequirementAndFindingWaiversSideBySideInTheEvidenceIndex() {
        String waivers = text.substring(text.indexOf("Waivers"), text.indexOf("8 Approvals and electronic signatures"));
        assertThat(waivers).contains("MLR-LAT-P99", "was FAILED", "calibration-sets-differ", "was ERROR", "corrupt")
                .containsPattern("(?m)^finding\\s");
    }

    @Test
    void showsEachSignatureWithPrintedNameUtcTimeAndMeaning() {
        String section8 = text.substring(text.indexOf("8 Approvals and electronic signatures"));
        assertThat(section8).contains("Printed name", SyntheticPackage.SIGNER, "2026-11-20 09:15:30 UTC",
                "approved for HIL campaigns (APPROVE_HIL)", "obsolete: the release was reopened after this round");
    }

    @Test
    void saysWhenTheKeyIsSelfSigned() {
        assertThat(text).contains("Self-signed key: this package is signed with a key that this Tracegate instance");
    }

    @Test
    void everyPageNamesTheReleaseAndTheManifestDigestAndItsNumber() {
        String[] pages = text.split("\f");
        int total = (int) java.util.Arrays.stream(pages).filter(p -> !p.isBlank()).count();
        assertThat(total).isGreaterThanOrEqualTo(10);
        for (int i = 0; i < total; i++) {
            assertThat(pages[i]).contains("(release 7)", "manifest " + content.summary().manifestDigest(),
                    "page " + (i + 1) + " of " + total);
        }
    }

    @Test
    void signatureIsValidForPdfsig() {
        Tools.Run sig = Tools.run(dir, "pdfsig", "report.pdf");
        assertThat(sig.output()).contains("Signature Validation: Signature is Valid.", "Signature Type: ETSI.CAdES.detached",
                "Total document signed", "Signer Certificate Common Name: Tracegate unit tests");
    }

    @Test
    void pdfInfoShowsPdfA3MetadataAndFixedDates() {
        Tools.Run info = Tools.run(dir, "pdfinfo", "report.pdf");
        assertThat(info.output()).contains("PDF version:     1.7", "Title:           Audit package: front-camera-object-detector 4.2.0-int8.1",
                "CreationDate:    Sat Nov 21 10:00:00 2026 UTC");
        assertThat(Tools.run(dir, "pdfinfo", "-meta", "report.pdf").output())
                .contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>");
    }

    @Test
    void carriesManifestJsonAsAnAssociatedFile() throws Exception {
        assertThat(Tools.run(dir, "pdfdetach", "-list", "report.pdf").output()).contains("1: manifest.json");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            COSArray af = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            COSDictionary spec = (COSDictionary) af.getObject(0);
            assertThat(spec.getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
        }
        ReportSignatureCheck.Outcome check = ReportSignatureCheck.check(pdf);
        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(check.attachedManifest()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(MANIFEST));
    }

    @Test
    void conformsToPdfA3bForVeraPdf() throws Exception {
        assertThat(PdfA.failures3b(pdf)).isEmpty();
    }

    @Test
    void theSameContentGivesTheSameBytes() throws Exception {
        Path again = dir.resolve("again.pdf");
        ReportRenderer.render(content, TestKeys.key(), "Tracegate test", MANIFEST, again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(pdf));
    }

    @Test
    void textCopiesAsWrittenWithoutLigatures() {
        assertThat(text).contains("Certificate SHA-256", "satisfied").doesNotContain("\uFB00", "\uFB01", "\uFB02");
    }

    @Test
    void showsHostileNamesWithoutBreakingAndMissingGlyphsAsReplacements() {
        assertThat(text).contains("evil.csv").contains("ÄÖÜ").contains("\uFFFD");
    }
}
