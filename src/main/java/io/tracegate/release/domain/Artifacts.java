package io.tracegate.release.domain;

import java.util.List;
import java.util.Optional;

/** The artifacts of all releases. */
public interface Artifacts {

    void add(Artifact artifact);

    Optional<Artifact> withId(long id);

    Optional<Artifact> of(Release release, ArtifactFileName name);

    List<Artifact> of(Release release);
}
