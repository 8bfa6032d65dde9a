package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.PackageJob;
import io.tracegate.audit.domain.PackageJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Package jobs through JPA. */
@ApplicationScoped
public class JpaPackageJobs implements PackageJobs {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(PackageJob job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public Optional<PackageJob> withId(long id) {
        return Optional.ofNullable(em.find(PackageJob.class, id));
    }

    @Override
    public List<PackageJob> ofRelease(long releaseId, int offset, int limit) {
        return em.createQuery("select j from PackageJob j where j.releaseId = :release order by j.id desc",
                PackageJob.class).setParameter("release", releaseId).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countOf(long releaseId) {
        return em.createQuery("select count(j) from PackageJob j where j.releaseId = :release", Long.class)
                .setParameter("release", releaseId).getSingleResult();
    }

    @Override
    public Optional<PackageJob> approvalJob(long releaseId, int round) {
        return em.createQuery("select j from PackageJob j where j.releaseId = :release and j.approvalRound = :round"
                        + " and j.reason = io.tracegate.audit.domain.PackageJob.Reason.APPROVAL order by j.id desc",
                        PackageJob.class)
                .setParameter("release", releaseId).setParameter("round", round).setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<PackageJob> unfinished() {
        return em.createQuery("select j from PackageJob j where j.state in ("
                + "io.tracegate.audit.domain.PackageJob.State.QUEUED, io.tracegate.audit.domain.PackageJob.State.RUNNING)"
                + " order by j.id", PackageJob.class).getResultList();
    }
}
