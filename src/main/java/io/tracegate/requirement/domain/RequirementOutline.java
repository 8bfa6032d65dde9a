package io.tracegate.requirement.domain;

import java.util.List;

/**
 * What the whole-set rules of a baseline look at in one requirement: its id, its parents and where it came
 * from (for the error message). A freshly read {@link RequirementDraft} and a {@link BaselineMember} carried
 * over from the previous baseline both have one, so the rules run over the union without loading content.
 *
 * @param sourcePath the file (Git) or {@code file#SPEC-OBJECT} (ReqIF) the requirement came from
 */
public record RequirementOutline(RequirementId id, List<RequirementId> parents, String sourcePath) {

    public RequirementOutline {
        parents = List.copyOf(parents == null ? List.of() : parents);
    }
}
