package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a trace matrix is computed from, and nothing that depends on the order things happened in: which
 * evidence counts for which requirement is decided from these, when the matrix is computed.
 *
 * @param baselineId          the release's baseline
 * @param requirements        its requirements
 * @param evidence            the release's evidence items, with their latest review
 * @param referenceMetrics    the reference (FP32) release's metrics, for {@code *_drop_vs_reference} criteria
 * @param earlierFingerprints for each other baseline under which some item was reviewed, its requirements'
 *                            fingerprints: an acceptance against a different version of a requirement is suspect
 * @param waived              requirements under a valid waiver (the approval work fills this)
 * @param findings            the cross-check's findings about the release (recipe against artifacts and evidence)
 * @param waivedFindings      codes of findings under a valid waiver
 */
public record TraceInput(long baselineId, List<TracedRequirement> requirements, List<EvidenceFacts> evidence,
                         List<Metric> referenceMetrics, Map<Long, Map<RequirementId, String>> earlierFingerprints,
                         Set<RequirementId> waived, List<Finding> findings, Set<String> waivedFindings) {

    public TraceInput {
        requirements = List.copyOf(requirements);
        evidence = List.copyOf(evidence);
        referenceMetrics = List.copyOf(referenceMetrics);
        earlierFingerprints = Map.copyOf(earlierFingerprints);
        waived = Set.copyOf(waived);
        findings = List.copyOf(findings);
        waivedFindings = Set.copyOf(waivedFindings);
    }
}
