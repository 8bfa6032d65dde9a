package io.tracegate.audit.application;

import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.PackageContent.ArtifactLine;
import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.audit.domain.PackageContent.FindingLine;
import io.tracegate.audit.domain.PackageContent.ModelLine;
import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.evidence.application.ReleaseCrossCheck;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.release.domain.Artifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The model's identity as package lines: artifacts with hashes, and what each ONNX graph says about itself. */
final class IdentityLines {

    /** Operators listed by name; the rest are summed, a graph has dozens of kinds. */
    static final int OPS_SHOWN = 12;

    private IdentityLines() {
    }

    static ArtifactLine of(Artifact a) {
        return new ArtifactLine(a.id(), a.fileName().value(), a.kind().name(), a.sha256().hex(), a.size(),
                a.mediaType(), a.uploadedBy(), a.uploadedAt(), PackageLayout.artifactPath(a.id(), a.fileName().value()));
    }

    static SourceFile source(Artifact a, Path location, OptionalLong crc32, boolean rehash) {
        return new SourceFile(PackageLayout.artifactPath(a.id(), a.fileName().value()), FileRole.ARTIFACT,
                a.fileName().value(), location, a.sha256().hex(), a.size(), a.uploadedAt(), crc32, rehash);
    }

    static List<ModelLine> models(ReleaseCrossCheck.Report report) {
        return report.models().stream().map(m -> new ModelLine(m.artifact().fileName().value(),
                m.facts().map(IdentityLines::facts).orElseGet(() -> List.of(new Fact("error",
                        m.findings().stream().map(Finding::message).collect(Collectors.joining(" "))))))).toList();
    }

    static List<FindingLine> findings(ReleaseCrossCheck.Report report) {
        List<FindingLine> lines = new ArrayList<>();
        report.findings().forEach(f -> lines.add(new FindingLine(f.severity().name(), f.code(), f.message(), null)));
        for (ReleaseCrossCheck.ModelCheck m : report.models()) {
            m.findings().forEach(f -> lines.add(new FindingLine(f.severity().name(), f.code(), f.message(),
                    m.artifact().fileName().value())));
        }
        return lines;
    }

    static List<Fact> facts(ModelFacts f) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("IR version", Long.toString(f.irVersion())));
        facts.add(new Fact("opsets", joined(f.opsetImports())));
        facts.add(new Fact("producer", (f.producerName() + " " + f.producerVersion()).strip()));
        facts.add(new Fact("graph", f.graphName()));
        facts.add(new Fact("inputs", f.inputs().stream().map(Object::toString).collect(Collectors.joining("; "))));
        facts.add(new Fact("outputs", f.outputs().stream().map(Object::toString).collect(Collectors.joining("; "))));
        facts.add(new Fact("nodes", Long.toString(f.nodeCount())));
        facts.add(new Fact("operators", operators(f.opTypes())));
        ModelFacts.Parameters p = f.parameters();
        facts.add(new Fact("parameters", p.total() + " (" + joined(p.byElementType()) + ")"));
        p.int8WeightFraction().ifPresent(x -> facts.add(new Fact("INT8 weight share", percent(x))));
        p.zeroWeightFraction().ifPresent(x -> facts.add(new Fact("zero weight share", percent(x))));
        ModelFacts.Quantization q = f.quantization();
        facts.add(new Fact("Q/DQ nodes", q.quantizeLinear() + " QuantizeLinear, " + q.dequantizeLinear()
                + " DequantizeLinear; " + q.perChannelQdq() + " per-channel, " + q.perTensorQdq() + " per-tensor, "
                + q.unknownScaleQdq() + " unknown scale"));
        if (!q.integerOps().isEmpty()) {
            facts.add(new Fact("integer operators", joined(q.integerOps())));
        }
        if (f.externalData().tensors() > 0) {
            facts.add(new Fact("external data", f.externalData().tensors() + " tensors in "
                    + String.join(", ", f.externalData().locations())));
        }
        return facts;
    }

    private static String operators(Map<String, Long> ops) {
        List<Map.Entry<String, Long>> sorted = ops.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String shown = sorted.stream().limit(OPS_SHOWN).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        long rest = sorted.stream().skip(OPS_SHOWN).mapToLong(Map.Entry::getValue).sum();
        return rest == 0 ? shown : shown + ", " + rest + " other";
    }

    private static String joined(Map<String, Long> map) {
        return map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
