package io.tracegate.release.domain;

import java.util.List;
import java.util.Optional;

/** All releases of all models. */
public interface Releases {

    void add(Release release);

    /** Writes a changed release now, so its new revision (the ETag) is known before the answer is sent. */
    void saveChanges(Release release);

    Optional<Release> withId(long id);

    /**
     * The release, locked until the transaction ends: decisions that depend on everything signed so far
     * (the approval policy) are taken one at a time, so two concurrent signatures cannot both miss each other.
     */
    Optional<Release> withIdLocked(long id);

    Optional<Release> of(Model model, SemanticVersion version);

    /** A model's releases, newest first. */
    List<Release> ofModel(Model model, int offset, int limit);

    long countOf(Model model);
}
