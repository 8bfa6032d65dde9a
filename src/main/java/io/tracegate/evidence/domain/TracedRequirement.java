package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.util.List;
import java.util.Set;

/**
 * A requirement of the release's baseline, reduced to what verdicts depend on.
 *
 * @param method      the verification method (HIL, SIL, TEST, FLEET, ANALYSIS, REVIEW, INSPECTION), null when unstated
 * @param fingerprint the requirement's content fingerprint, to tell whether a review saw this version
 */
public record TracedRequirement(RequirementId id, String title, Asil asil, List<RequirementId> parents,
                                List<AcceptanceCriterion> criteria, String method, String fingerprint) {

    /** Methods that are judgements of a document, not runs: accepted analysis evidence verifies them. */
    public static final Set<String> DOCUMENT_METHODS = Set.of("ANALYSIS", "REVIEW", "INSPECTION");

    public TracedRequirement {
        parents = List.copyOf(parents);
        criteria = List.copyOf(criteria);
    }

    public boolean verifiedByDocuments() {
        return method != null && DOCUMENT_METHODS.contains(method);
    }
}
