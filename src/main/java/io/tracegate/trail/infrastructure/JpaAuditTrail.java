package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.AuditHead;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Appends events: joins the caller's transaction (REQUIRED), so the change and its event commit together
 * or not at all; a caller without a transaction (a refused login) gets one of its own that commits here.
 * Open to every caller on purpose (no role check): recording is not a privilege, and refused logins have
 * no caller at all. Injected as {@link AuditTrail}, its only business interface.
 *
 * <p>Each append first flushes the caller's pending changes, so the caller's row locks are taken before
 * the head's (always in that order: no deadlock between two auditing transactions), then locks the head
 * row ({@code SELECT ... FOR UPDATE}), which serialises appends until the transaction ends. Use cases
 * therefore record their event last.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Override
    public void record(AuditEntry entry) {
        em.flush();
        AuditHead head = em.createQuery("select h from AuditHead h where h.id = :id", AuditHead.class)
                .setParameter("id", AuditHead.ID)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("eclipselink.refresh", "true")
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the audit_head row is missing: the schema is damaged"));
        AuditEvent event = AuditEvent.following(head.head(), Instant.now(), entry);
        em.persist(event);
        head.advance(event);
        em.flush();
    }
}
