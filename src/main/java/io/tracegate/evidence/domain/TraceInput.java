package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a trace matrix is computed from.
 *
 * @param requirements     the release's baseline
 * @param evidence         the release's evidence items
 * @param links            per requirement, its links to evidence items
 * @param referenceMetrics the reference (FP32) release's metrics, for {@code *_drop_vs_reference} criteria
 * @param waived           requirements under a valid waiver (the Approval work fills this)
 */
public record TraceInput(List<TracedRequirement> requirements, List<EvidenceFacts> evidence,
                         Map<RequirementId, List<LinkState>> links, List<Metric> referenceMetrics,
                         Set<RequirementId> waived) {

    public TraceInput {
        requirements = List.copyOf(requirements);
        evidence = List.copyOf(evidence);
        links = Map.copyOf(links);
        referenceMetrics = List.copyOf(referenceMetrics);
        waived = Set.copyOf(waived);
    }
}
