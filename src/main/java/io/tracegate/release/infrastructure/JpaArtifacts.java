package io.tracegate.release.infrastructure;

import io.tracegate.release.domain.Artifact;
import io.tracegate.release.domain.ArtifactFileName;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaArtifacts implements Artifacts {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(Artifact artifact) {
        em.persist(artifact);
        em.flush();
    }

    @Override
    public Optional<Artifact> withId(long id) {
        return Optional.ofNullable(em.find(Artifact.class, id));
    }

    @Override
    public Optional<Artifact> of(Release release, ArtifactFileName name) {
        return em.createQuery("select a from Artifact a where a.release = :release and a.fileName = :name", Artifact.class)
                .setParameter("release", release)
                .setParameter("name", name.value())
                .getResultStream().findFirst();
    }

    @Override
    public List<Artifact> of(Release release) {
        return em.createQuery("select a from Artifact a where a.release = :release order by a.fileName", Artifact.class)
                .setParameter("release", release).getResultList();
    }
}
