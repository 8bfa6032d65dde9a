package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.AuditPackage;
import io.tracegate.audit.domain.AuditPackages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Audit package records through JPA; inserted and read, never changed. */
@ApplicationScoped
public class JpaAuditPackages implements AuditPackages {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(AuditPackage auditPackage) {
        em.persist(auditPackage);
        em.flush();
    }

    @Override
    public Optional<AuditPackage> withId(long id) {
        return Optional.ofNullable(em.find(AuditPackage.class, id));
    }

    @Override
    public Optional<AuditPackage> withContent(long releaseId, String sha256) {
        return em.createQuery("select p from AuditPackage p where p.releaseId = :release and p.sha256 = :sha",
                        AuditPackage.class)
                .setParameter("release", releaseId).setParameter("sha", sha256).getResultStream().findFirst();
    }

    @Override
    public List<AuditPackage> ofRelease(long releaseId, int offset, int limit) {
        return em.createQuery("select p from AuditPackage p where p.releaseId = :release order by p.id desc",
                AuditPackage.class).setParameter("release", releaseId).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countOf(long releaseId) {
        return em.createQuery("select count(p) from AuditPackage p where p.releaseId = :release", Long.class)
                .setParameter("release", releaseId).getSingleResult();
    }

    @Override
    public Optional<AuditPackage> approvalPackage(long releaseId, int round) {
        return em.createQuery("select p from AuditPackage p where p.releaseId = :release and p.reviewRound = :round"
                        + " and p.releaseStatus = 'APPROVED' order by p.id", AuditPackage.class)
                .setParameter("release", releaseId).setParameter("round", round).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
