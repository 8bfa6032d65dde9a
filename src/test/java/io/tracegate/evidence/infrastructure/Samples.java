package io.tracegate.evidence.infrastructure;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ParsedEvidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sample files under {@code evidence-samples/} and small ways to read them in tests. */
public final class Samples {

    private Samples() {
    }

    public static byte[] bytes(String sample) {
        try (InputStream in = Samples.class.getResourceAsStream("/evidence-samples/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + sample);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] head(byte[] content) {
        return Arrays.copyOf(content, Math.min(content.length, 4096));
    }

    public static ParsedEvidence read(EvidenceFormat format, String sample) {
        return format.read(sample, new ByteArrayInputStream(bytes(sample)));
    }

    public static ParsedEvidence read(EvidenceFormat format, String fileName, String content) {
        return format.read(fileName, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static EvidenceRejected rejected(EvidenceFormat format, String fileName, byte[] content) {
        return catchThrowableOfType(() -> format.read(fileName, new ByteArrayInputStream(content)), EvidenceRejected.class);
    }

    public static EvidenceRejected rejected(EvidenceFormat format, String fileName, String content) {
        return rejected(format, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the metric with this name and exactly this scope ({@code "key", "value", ...}). */
    public static Optional<BigDecimal> value(ParsedEvidence evidence, String name, String... scope) {
        return metric(evidence, name, scope).map(Metric::value);
    }

    public static Optional<Metric> metric(ParsedEvidence evidence, String name, String... scope) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < scope.length; i += 2) {
            wanted.put(scope[i], scope[i + 1]);
        }
        return evidence.metrics().stream()
                .filter(m -> m.name().equals(name) && m.scope().equals(wanted))
                .findFirst();
    }
}
