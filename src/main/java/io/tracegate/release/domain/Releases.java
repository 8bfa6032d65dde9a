package io.tracegate.release.domain;

import java.util.List;
import java.util.Optional;

/** All releases of all models. */
public interface Releases {

    void add(Release release);

    Optional<Release> withId(long id);

    Optional<Release> of(Model model, SemanticVersion version);

    /** A model's releases, newest first. */
    List<Release> ofModel(Model model, int offset, int limit);

    long countOf(Model model);
}
