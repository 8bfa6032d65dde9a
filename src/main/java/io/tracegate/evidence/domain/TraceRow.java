package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.util.List;

/**
 * One requirement's line in the trace matrix: its verdict, the reason in words, the criteria with their
 * values, the linked tests, and the evidence items that counted, were set aside, or are suspect.
 */
public record TraceRow(RequirementId id, String title, Asil asil, List<RequirementId> parents,
                       List<RequirementId> children, Verdict verdict, String reason, List<CriterionResult> criteria,
                       TestTally tests, List<Long> evidence, List<Long> suspectEvidence) {

    public TraceRow {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
        criteria = List.copyOf(criteria);
        evidence = List.copyOf(evidence);
        suspectEvidence = List.copyOf(suspectEvidence);
    }
}
