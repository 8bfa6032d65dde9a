package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.infrastructure.signing.CmsSignatures;
import io.tracegate.audit.infrastructure.signing.SigningKey;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Signs the finished report as an incremental update: an invisible signature field, SubFilter
 * ETSI.CAdES.detached (PAdES baseline B), the CMS over every byte but the signature's own, and /M set to the
 * content time so the signed file is reproducible.
 */
final class ReportSigner {

    private ReportSigner() {
    }

    static void sign(Path unsigned, Path signed, SigningKey key, Instant asOf, long documentId, String reason) {
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            doc.setDocumentId(documentId);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.subject());
            signature.setReason(reason);
            signature.setSignDate(ArchivalPdf.calendar(asOf));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(reserved(key));
                doc.addSignature(signature, content -> CmsSignatures.signDetached(key, content), options);
                doc.saveIncremental(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the report", e);
        }
    }

    /** Room for the CMS: the certificates it carries plus the signature and attributes, with slack. */
    private static int reserved(SigningKey key) {
        int size = 4096;
        for (X509Certificate c : key.chain()) {
            try {
                size += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return size;
    }
}
