package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Authenticators through JPA. */
@ApplicationScoped
public class JpaSigningFactors implements SigningFactors {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public Optional<SigningFactor> of(String username) {
        return Optional.ofNullable(em.find(SigningFactor.class, username));
    }

    @Override
    public Optional<SigningFactor> ofLocked(String username) {
        return Optional.ofNullable(em.find(SigningFactor.class, username, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(SigningFactor factor) {
        em.persist(factor);
        em.flush();
    }

    @Override
    public void remove(SigningFactor factor) {
        em.remove(factor);
        em.flush();
    }
}
