package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementBaselines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaRequirementBaselines implements RequirementBaselines {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(RequirementBaseline baseline) {
        em.persist(baseline);
        em.flush();
    }

    @Override
    public Optional<RequirementBaseline> withId(long id) {
        return Optional.ofNullable(em.find(RequirementBaseline.class, id));
    }

    @Override
    public List<RequirementBaseline> page(int offset, int limit) {
        return em.createQuery("select b from RequirementBaseline b order by b.importedAt desc, b.id desc",
                RequirementBaseline.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(b) from RequirementBaseline b", Long.class).getSingleResult();
    }

    @Override
    public Optional<RequirementBaseline> latestFrom(BaselineSource.Kind kind, String location) {
        return em.createQuery("select b from RequirementBaseline b where b.source.kind = :kind "
                        + "and b.source.location = :location order by b.importedAt desc, b.id desc", RequirementBaseline.class)
                .setParameter("kind", kind).setParameter("location", location)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
