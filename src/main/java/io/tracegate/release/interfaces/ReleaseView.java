package io.tracegate.release.interfaces;

import io.tracegate.release.domain.Release;

import java.time.Instant;

/** A release as the API shows it; {@code revision} is also sent as the ETag. */
public record ReleaseView(long id, String model, String version, String description, String status,
                          Long referenceReleaseId, String referenceRelease, Instant createdAt, String createdBy,
                          RecipeView recipe, Long baselineId, long revision, String artifacts) {

    static ReleaseView of(Release release) {
        return new ReleaseView(release.id(), release.model().name().value(), release.version().value(),
                release.description(), release.status().name(),
                release.reference().map(Release::id).orElse(null),
                release.reference().map(Release::label).orElse(null),
                release.createdAt(), release.createdBy(),
                RecipeView.of(release), release.baselineId().orElse(null), release.revision(),
                "/api/releases/" + release.id() + "/artifacts");
    }
}
