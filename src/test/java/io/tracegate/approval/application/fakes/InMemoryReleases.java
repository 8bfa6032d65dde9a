package io.tracegate.approval.application.fakes;

import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.release.domain.SemanticVersion;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases in a map; {@link #withIdLocked} locks nothing, since the tests run one use case at a time. */
public final class InMemoryReleases implements Releases {

    private final Map<Long, Release> rows = new LinkedHashMap<>();
    private long nextId = 100;
    private int saves;

    @Override
    public void add(Release release) {
        if (release.id() == null) {
            Rows.withId(release, nextId++);
        }
        if (rows.values().stream().anyMatch(r -> r.model().id().equals(release.model().id())
                && r.version().equals(release.version()))) {
            throw new UniqueViolation("model_release_version_uk", release.label());
        }
        rows.put(release.id(), release);
    }

    @Override
    public void saveChanges(Release release) {
        if (!rows.containsKey(release.id())) {
            throw new IllegalStateException("release " + release.id() + " was never added");
        }
        saves++;
    }

    @Override
    public Optional<Release> withId(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Release> withIdLocked(long id) {
        return withId(id);
    }

    @Override
    public Optional<Release> of(Model model, SemanticVersion version) {
        return rows.values().stream().filter(r -> r.model().id().equals(model.id()) && r.version().equals(version))
                .findFirst();
    }

    @Override
    public List<Release> ofModel(Model model, int offset, int limit) {
        return rows.values().stream().filter(r -> r.model().id().equals(model.id()))
                .sorted(Comparator.comparing(Release::createdAt).thenComparing(Release::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long countOf(Model model) {
        return rows.values().stream().filter(r -> r.model().id().equals(model.id())).count();
    }

    /** How often a changed release was written. */
    public int saves() {
        return saves;
    }
}
