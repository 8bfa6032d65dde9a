package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.infrastructure.signing.SigningKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Renders report.pdf from a package's content: ten sections, footers, PDF/A-3b metadata with manifest.json
 * attached, then the PAdES signature. PDFBox keeps at most {@value #IN_MEMORY} bytes of streams in memory
 * and spills the rest to temporary files, so a baseline of thousands of requirements does not fill the heap.
 */
public final class ReportRenderer {

    static final long IN_MEMORY = 16L << 20;

    private ReportRenderer() {
    }

    /**
     * @param manifestJson the package's manifest.json, attached to the PDF; it also seeds the PDF's id
     * @param target       the signed report to write
     */
    public static void render(PackageContent content, SigningKey key, String generator, byte[] manifestJson,
                              Path target) {
        Path unsigned = target.resolveSibling(target.getFileName() + ".unsigned");
        long documentId = ByteBuffer.wrap(sha256(manifestJson)).getLong();
        PackageContent.Summary s = content.summary();
        try {
            try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupMixed(IN_MEMORY).streamCache);
                 ReportFonts fonts = ReportFonts.load(doc)) {
                PageFlow flow = new PageFlow(doc, fonts);
                new OverviewSections(flow, content, key, generator).write();
                new TraceSections(flow, content).write();
                new ApprovalSections(flow, content, key).write();
                flow.finish();
                Footers.draw(doc, fonts, s.model() + " " + s.version() + " (release " + s.releaseId() + ")",
                        s.manifestDigest());
                ArchivalPdf.apply(doc, "Audit package: " + s.model() + " " + s.version(),
                        "Release " + s.releaseId() + ", " + s.status() + ", manifest digest " + s.manifestDigest(),
                        generator, content.asOf(), sha256(manifestJson), manifestJson);
                doc.save(unsigned.toFile());
            }
            ReportSigner.sign(unsigned, target, key, content.asOf(), documentId, "Audit package of release "
                    + s.releaseId() + " (" + s.status() + "), manifest digest " + s.manifestDigest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        } finally {
            try {
                Files.deleteIfExists(unsigned);
            } catch (IOException ignored) {
                // a work file; the caller removes its folder
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
