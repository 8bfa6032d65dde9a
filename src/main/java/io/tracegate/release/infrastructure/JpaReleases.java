package io.tracegate.release.infrastructure;

import io.tracegate.release.domain.Model;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.Releases;
import io.tracegate.release.domain.SemanticVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaReleases implements Releases {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(Release release) {
        em.persist(release);
        em.flush();
    }

    @Override
    public void saveChanges(Release release) {
        em.flush();
    }

    @Override
    public Optional<Release> withIdLocked(long id) {
        return Optional.ofNullable(em.find(Release.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Release> withId(long id) {
        return Optional.ofNullable(em.find(Release.class, id));
    }

    @Override
    public Optional<Release> of(Model model, SemanticVersion version) {
        return em.createQuery("select r from Release r where r.model = :model and r.version = :version", Release.class)
                .setParameter("model", model)
                .setParameter("version", version.value())
                .getResultStream().findFirst();
    }

    @Override
    public List<Release> ofModel(Model model, int offset, int limit) {
        return em.createQuery("select r from Release r where r.model = :model order by r.createdAt desc, r.id desc",
                        Release.class)
                .setParameter("model", model)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countOf(Model model) {
        return em.createQuery("select count(r) from Release r where r.model = :model", Long.class)
                .setParameter("model", model).getSingleResult();
    }
}
