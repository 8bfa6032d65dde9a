package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.infrastructure.signing.CmsSignatures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a report's PDF signature as pdfsig does, and reads the manifest.json it carries: exactly one
 * signature, its byte ranges covering the whole file but the signature itself (nothing appended after
 * signing), its CMS valid over those ranges.
 */
public final class ReportSignatureCheck {

    private static final Set<String> SUB_FILTERS = Set.of(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(),
            PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName());

    private ReportSignatureCheck() {
    }

    /**
     * @param problem        why the signature does not hold; null when it does
     * @param signer         the certificate the signature carries
     * @param attachedManifest the bytes of the attached manifest.json; empty when there is none
     */
    public record Outcome(String problem, Optional<X509Certificate> signer, Optional<byte[]> attachedManifest) {
        public boolean valid() {
            return problem == null;
        }
    }

    public static Outcome check(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Optional<byte[]> attached = attachment(doc);
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.size() != 1) {
                return new Outcome("expected one signature, found " + signatures.size(), Optional.empty(), attached);
            }
            PDSignature signature = signatures.get(0);
            if (!SUB_FILTERS.contains(signature.getSubFilter())) {
                return new Outcome("unexpected signature type " + signature.getSubFilter(), Optional.empty(), attached);
            }
            int[] range = signature.getByteRange();
            long length = pdf.toFile().length();
            if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                    || (long) range[2] + range[3] != length) {
                return new Outcome("the signature does not cover the whole file (byte range "
                        + java.util.Arrays.toString(range) + ", file " + length + " bytes): it was changed after signing",
                        Optional.empty(), attached);
            }
            try (InputStream signed = ranges(pdf, range)) {
                CmsSignatures.Outcome cms = CmsSignatures.verifyDetached(
                        CmsSignatures.withoutPadding(signature.getContents()), signed);
                return new Outcome(cms.problem(), cms.signer(), attached);
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome("the PDF cannot be read: " + e.getMessage(), Optional.empty(), Optional.empty());
        }
    }

    private static Optional<byte[]> attachment(PDDocument doc) throws IOException {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
            return Optional.empty();
        }
        PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(ArchivalPdf.ATTACHMENT);
        PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
        return file == null ? Optional.empty() : Optional.of(file.toByteArray());
    }

    /** The two signed ranges of the file, streamed. */
    private static InputStream ranges(Path pdf, int[] range) throws IOException {
        return new SequenceInputStream(slice(pdf, range[0], range[1]), slice(pdf, range[2], range[3]));
    }

    private static InputStream slice(Path file, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buffer, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
