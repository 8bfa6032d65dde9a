package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ParsedEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a stored evidence file with the declared format, or the one detected from its name and first
 * bytes; a file no format claims is kept opaque. The declared Content-Type must fit the format.
 */
@ApplicationScoped
public class EvidenceReader {

    private static final int HEAD_BYTES = 4096;

    @Inject
    EvidenceFormatChooser formats;

    /** Fails early, before the body is read, on an unknown format name or a Content-Type that cannot fit. */
    public Optional<EvidenceFormat> declared(String format, String contentType) {
        if (format == null || format.isBlank()) {
            return Optional.empty();
        }
        Optional<EvidenceFormat> declared = formats.named(format);
        declared.ifPresent(f -> MediaTypeRule.check(f.name(), contentType));
        return declared;
    }

    public ParsedEvidence read(String fileName, String format, String contentType, Path file) {
        Optional<EvidenceFormat> declared = declared(format, contentType);
        try {
            Optional<EvidenceFormat> chosen = declared.isPresent() || "opaque".equals(format) ? declared
                    : formats.detect(fileName, head(file));
            if (chosen.isEmpty()) {
                return ParsedEvidence.opaque();
            }
            MediaTypeRule.check(chosen.get().name(), contentType);
            try (InputStream content = Files.newInputStream(file)) {
                return chosen.get().read(fileName, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackOverflowError e) {
            throw new EvidenceRejected(fileName, "nested too deeply to read");
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
