package io.tracegate.approval.infrastructure;

import io.tracegate.approval.domain.SigningChallenge;
import io.tracegate.approval.domain.SigningChallenges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Signing challenges through JPA. */
@ApplicationScoped
public class JpaSigningChallenges implements SigningChallenges {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void add(SigningChallenge challenge) {
        em.persist(challenge);
        em.flush();
    }

    @Override
    public Optional<SigningChallenge> withSecret(String sha256) {
        return em.createQuery("select c from SigningChallenge c where c.challengeSha256 = :sha", SigningChallenge.class)
                .setParameter("sha", sha256).getResultStream().findFirst();
    }

    @Override
    public Optional<SigningChallenge> withSecretLocked(String sha256) {
        return em.createQuery("select c from SigningChallenge c where c.challengeSha256 = :sha", SigningChallenge.class)
                .setParameter("sha", sha256).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }
}
