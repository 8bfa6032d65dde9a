package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.RequirementId;

import java.util.List;

/** A requirement of the release's baseline, reduced to what verdicts depend on. */
public record TracedRequirement(RequirementId id, String title, Asil asil, List<RequirementId> parents,
                                List<AcceptanceCriterion> criteria) {

    public TracedRequirement {
        parents = List.copyOf(parents);
        criteria = List.copyOf(criteria);
    }
}
