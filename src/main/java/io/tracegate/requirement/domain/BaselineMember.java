package io.tracegate.requirement.domain;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of a stored baseline, by reference to its stored row instead of by content: enough to
 * carry it unchanged into the next baseline of the same source (which then shares the row) and to check
 * the new baseline's decomposition, without reading the requirement's text, criteria or fingerprint.
 *
 * @param baseline      the stored baseline it is a member of
 * @param row           the stored requirement row, shared by every baseline that has the requirement unchanged
 * @param sourcePath    the file (Git) it was read from, or {@code file#SPEC-OBJECT} for a ReqIF file
 * @param sourceVersion the Git blob id of that file
 */
public record BaselineMember(long baseline, long row, RequirementId id, List<RequirementId> parents, Asil asil,
                             String sourcePath, String sourceVersion) {

    public BaselineMember {
        Objects.requireNonNull(id);
        Objects.requireNonNull(asil);
        parents = List.copyOf(parents == null ? List.of() : parents);
    }

    public RequirementOutline outline() {
        return new RequirementOutline(id, parents, sourcePath);
    }
}
