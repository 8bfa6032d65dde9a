package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.VerificationLink;
import io.tracegate.requirement.domain.VerificationLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

@ApplicationScoped
public class JpaVerificationLinks implements VerificationLinks {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(VerificationLink link) {
        em.persist(link);
    }

    @Override
    public List<VerificationLink> ofRelease(long releaseId) {
        return em.createQuery("select l from VerificationLink l where l.releaseId = :release", VerificationLink.class)
                .setParameter("release", releaseId).getResultList();
    }
}
