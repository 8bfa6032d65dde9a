package io.tracegate.requirement.domain;

import java.util.List;

/**
 * A requirement as an importer read it, before it joins a baseline.
 *
 * @param sourcePath    the file (Git) or SPEC-OBJECT identifier (ReqIF) it came from, for error messages
 * @param sourceVersion the Git blob id or ReqIF LAST-CHANGE, so unchanged requirements need not be re-read
 */
public record RequirementDraft(RequirementId id, String title, Asil asil, RequirementKind kind,
                               List<RequirementId> parents, Verification verification,
                               List<AcceptanceCriterion> criteria, String text, String sourcePath,
                               String sourceVersion) {

    public RequirementDraft {
        parents = List.copyOf(parents == null ? List.of() : parents);
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
        verification = verification == null ? Verification.none() : verification;
        text = text == null ? "" : text;
    }

    /** What the whole-set rules of a baseline look at. */
    public RequirementOutline outline() {
        return new RequirementOutline(id, parents, sourcePath);
    }
}
