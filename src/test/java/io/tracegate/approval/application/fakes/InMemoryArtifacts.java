package io.tracegate.approval.application.fakes;

import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Artifacts in a list; one file name per release, as the table's unique key has it. */
public final class InMemoryArtifacts implements Artifacts {

    private final List<Artifact> rows = new ArrayList<>();
    private long nextId = 300;

    @Override
    public void add(Artifact artifact) {
        if (of(artifact.release(), artifact.fileName()).isPresent()) {
            throw new UniqueViolation("artifact_name_uk", artifact.release().id() + "/" + artifact.fileName().value());
        }
        rows.add(Rows.withId(artifact, nextId++));
    }

    @Override
    public Optional<Artifact> withId(long id) {
        return rows.stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public Optional<Artifact> of(Release release, ArtifactFileName name) {
        return of(release).stream().filter(a -> a.fileName().equals(name)).findFirst();
    }

    @Override
    public List<Artifact> of(Release release) {
        return rows.stream().filter(a -> a.release().id().equals(release.id())).toList();
    }
}
