package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.SigningLockout;
import io.tracegate.identity.domain.SigningLockouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Failed-signing counts through JPA. */
@ApplicationScoped
public class JpaSigningLockouts implements SigningLockouts {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public Optional<SigningLockout> of(String username) {
        return Optional.ofNullable(em.find(SigningLockout.class, username));
    }

    @Override
    public SigningLockout ofLocked(String username) {
        SigningLockout found = em.find(SigningLockout.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (found != null) {
            return found;
        }
        // the account's first failure: a concurrent first failure makes one of the two inserts fail and retry
        SigningLockout created = SigningLockout.of(username);
        em.persist(created);
        em.flush();
        return created;
    }
}
