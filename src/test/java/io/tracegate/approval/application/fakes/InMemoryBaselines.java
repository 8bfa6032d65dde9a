package io.tracegate.approval.application.fakes;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import io.tracegate.requirement.domain.RequirementId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Baselines frozen from drafts, kept as frozen (with the id a sequence would give). Carrying members of an
 * earlier baseline is the Git re-import's business and not supported here.
 */
public final class InMemoryBaselines implements RequirementBaselines {

    private final Map<Long, RequirementBaseline> rows = new LinkedHashMap<>();
    private long nextId = 900;

    @Override
    public long add(RequirementBaseline baseline) {
        if (!baseline.carried().isEmpty()) {
            throw new UnsupportedOperationException("the fake stores only baselines without carried members");
        }
        long id = nextId++;
        Rows.withId(baseline, id);
        rows.put(id, baseline);
        return id;
    }

    @Override
    public Optional<RequirementBaseline> withId(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<RequirementBaseline> summary(long id) {
        return withId(id);
    }

    @Override
    public Optional<Requirement> requirement(long baselineId, RequirementId id) {
        return withId(baselineId).flatMap(b -> b.requirement(id));
    }

    @Override
    public List<RequirementBaseline> page(int offset, int limit) {
        return rows.values().stream().sorted((a, b) -> Long.compare(b.id(), a.id())).skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public Optional<RequirementBaseline> latestFrom(BaselineSource.Kind kind, String location) {
        return page(0, rows.size()).stream()
                .filter(b -> b.source().kind() == kind && b.source().location().equals(location)).findFirst();
    }

    @Override
    public Map<RequirementId, String> fingerprints(long baselineId) {
        return withId(baselineId).map(b -> b.requirements().stream()
                .collect(Collectors.toMap(Requirement::id, Requirement::fingerprint))).orElse(Map.of());
    }

    @Override
    public List<BaselineMember> membersOf(long baselineId) {
        throw new UnsupportedOperationException("a Git re-import is not among what the fakes serve");
    }
}
