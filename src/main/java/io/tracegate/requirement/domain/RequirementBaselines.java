package io.tracegate.requirement.domain;

import java.util.List;
import java.util.Optional;

/** All imported baselines. */
public interface RequirementBaselines {

    void add(RequirementBaseline baseline);

    Optional<RequirementBaseline> withId(long id);

    /** Newest first. */
    List<RequirementBaseline> page(int offset, int limit);

    long count();

    /** The newest baseline imported from this Git repository, to import incrementally from. */
    Optional<RequirementBaseline> latestFrom(BaselineSource.Kind kind, String location);
}
