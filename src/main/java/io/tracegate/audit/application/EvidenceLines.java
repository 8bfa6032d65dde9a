package io.tracegate.audit.application;

import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.SourceFile;
import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFile;
import io.tracegate.evidence.domain.EvidenceReview;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.requirement.domain.RequirementId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Evidence items as package lines: identity, provenance, the latest review, where the file lies in the package. */
final class EvidenceLines {

    private EvidenceLines() {
    }

    static EvidenceLine of(Evidence e, Optional<EvidenceReview> latest) {
        return new EvidenceLine(e.id(), e.fileName(), e.format(), e.sha256().hex(), e.size(),
                PackageLayout.evidencePath(e.id(), e.fileName()), provenance(e), e.uploadedBy(), e.uploadedAt(),
                e.reviewState().name(), latest.map(EvidenceReview::reviewer).orElse(null),
                latest.map(EvidenceReview::reviewedAt).orElse(null), latest.map(EvidenceReview::comment).orElse(null),
                e.explicitRequirements().stream().map(RequirementId::value).toList());
    }

    static SourceFile source(EvidenceFile e, Path location, OptionalLong crc32, boolean rehash) {
        return new SourceFile(PackageLayout.evidencePath(e.id(), e.fileName()), FileRole.EVIDENCE, e.fileName(),
                location, e.sha256().hex(), e.size(), e.uploadedAt(), crc32, rehash);
    }

    static List<Fact> provenance(Evidence e) {
        Provenance p = e.provenance();
        List<Fact> facts = new ArrayList<>();
        p.ciSystem().ifPresent(v -> facts.add(new Fact("CI system", v)));
        p.pipelineId().ifPresent(v -> facts.add(new Fact("pipeline", v)));
        p.runUrl().ifPresent(v -> facts.add(new Fact("run", v)));
        p.sourceCommit().ifPresent(v -> facts.add(new Fact("source commit", v)));
        p.rig().ifPresent(v -> facts.add(new Fact("rig", v)));
        p.target().ifPresent(v -> facts.add(new Fact("target", v)));
        if (!p.toolVersions().isEmpty()) {
            facts.add(new Fact("tools", p.toolVersions().entrySet().stream().map(t -> t.getKey() + " " + t.getValue())
                    .collect(Collectors.joining(", "))));
        }
        p.startedAt().ifPresent(v -> facts.add(new Fact("started", v.toString())));
        p.finishedAt().ifPresent(v -> facts.add(new Fact("finished", v.toString())));
        p.calibrationSha256().ifPresent(v -> facts.add(new Fact("calibration set SHA-256", v)));
        if (!e.defaultScope().isEmpty()) {
            facts.add(new Fact("scope", e.defaultScope().entrySet().stream().map(s -> s.getKey() + "=" + s.getValue())
                    .collect(Collectors.joining(", "))));
        }
        return facts;
    }
}
