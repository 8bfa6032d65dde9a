package io.tracegate.approval.infrastructure;

import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.Signatures;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.evidence.domain.Waivers;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Signatures and waivers through JPA; only inserts and reads (the tables refuse updates on PostgreSQL). */
@ApplicationScoped
public class JpaSignatures implements Signatures, Waivers {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(Signature signature) {
        em.persist(signature);
        em.flush();
    }

    @Override
    public void add(Waiver waiver) {
        em.persist(waiver);
        em.flush();
    }

    @Override
    public List<Signature> ofRelease(long releaseId) {
        return em.createQuery("select s from Signature s where s.signed.releaseId = :release order by s.signed.signedAt, s.id",
                Signature.class).setParameter("release", releaseId).getResultList();
    }

    @Override
    public List<Waiver> waiversOf(long releaseId) {
        return em.createQuery("select w from Waiver w where w.signed.releaseId = :release order by w.signed.signedAt, w.id",
                Waiver.class).setParameter("release", releaseId).getResultList();
    }

    @Override
    public Set<RequirementId> validFor(Release release, Instant now) {
        return waiversOf(release.id()).stream().filter(w -> w.isValidFor(release, now))
                .flatMap(w -> w.requirementId().stream()).collect(Collectors.toSet());
    }

    @Override
    public Set<String> findingCodesValidFor(Release release, Instant now) {
        return waiversOf(release.id()).stream().filter(w -> w.isValidFor(release, now))
                .flatMap(w -> w.findingCode().stream()).collect(Collectors.toSet());
    }
}
