package io.tracegate.release.domain;

import java.util.List;
import java.util.Optional;

/** All releases of all models. */
public interface Releases {

    void add(Release release);

    /** Writes a changed release now, so its new revision (the ETag) is known before the answer is sent. */
    void saveChanges(Release release);

    Optional<Release> withId(long id);

    Optional<Release> of(Model model, SemanticVersion version);

    /** A model's releases, newest first. */
    List<Release> ofModel(Model model, int offset, int limit);

    long countOf(Model model);
}
