package io.tracegate.requirement.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All imported baselines. */
public interface RequirementBaselines {

    /**
     * Stores a baseline just {@link RequirementBaseline#freeze frozen}: its {@link RequirementBaseline#introduced
     * introduced} requirements as new rows, its {@link RequirementBaseline#carried carried} members by reference
     * to their existing rows. The frozen object stays as it is (without an id); read the stored baseline back
     * with {@link #summary} or {@link #withId}.
     *
     * @return the stored baseline's id
     */
    long add(RequirementBaseline baseline);

    /** The baseline with all its requirements, read in a fixed number of queries however many there are. */
    Optional<RequirementBaseline> withId(long id);

    /** The baseline for its name, source, size and highest ASIL, without reading its requirements yet. */
    Optional<RequirementBaseline> summary(long id);

    /** One requirement of a baseline, without reading the others. */
    Optional<Requirement> requirement(long baselineId, RequirementId id);

    /** Newest first; their requirements are not read. */
    List<RequirementBaseline> page(int offset, int limit);

    long count();

    /** The newest baseline imported from this Git repository, to import incrementally from; its requirements are not read. */
    Optional<RequirementBaseline> latestFrom(BaselineSource.Kind kind, String location);

    /** Each requirement id of a stored baseline with its content fingerprint, without reading the requirements. */
    Map<RequirementId, String> fingerprints(long baselineId);

    /** A stored baseline's members by reference, ordered by id: what a re-import carries over, in one query. */
    List<BaselineMember> membersOf(long baselineId);
}
