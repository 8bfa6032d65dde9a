package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.Provenance;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An evidence item: the file, how it was read, where it came from, what it is linked to, its review. */
public record EvidenceView(long id, long releaseId, String fileName, String format, String mediaType, String sha256,
                           long size, Instant uploadedAt, String uploadedBy, ProvenanceView provenance,
                           Map<String, String> scope, List<String> requirements, int metricCount, int testCount,
                           List<String> notes, String review, long version, String content) {

    /** Provenance as sent by CI. */
    public record ProvenanceView(String ciSystem, String pipelineId, String runUrl, String sourceCommit, String rig,
                                 String target, Map<String, String> tools, Instant startedAt, Instant finishedAt,
                                 String calibrationSha256) {

        static ProvenanceView of(Provenance p) {
            return new ProvenanceView(p.ciSystem().orElse(null), p.pipelineId().orElse(null), p.runUrl().orElse(null),
                    p.sourceCommit().orElse(null), p.rig().orElse(null), p.target().orElse(null), p.toolVersions(),
                    p.startedAt().orElse(null), p.finishedAt().orElse(null), p.calibrationSha256().orElse(null));
        }
    }

    static EvidenceView of(Evidence e) {
        long releaseId = e.release().id();
        return new EvidenceView(e.id(), releaseId, e.fileName(), e.format(), e.mediaType(), e.sha256().hex(), e.size(),
                e.uploadedAt(), e.uploadedBy(), ProvenanceView.of(e.provenance()), e.defaultScope(),
                e.explicitRequirements().stream().map(RequirementId::value).toList(), e.metricCount(), e.testCount(),
                e.notes(), e.reviewState().name(), e.version(),
                "/api/releases/" + releaseId + "/evidence/" + e.id() + "/content");
    }
}
