package io.tracegate.trail.application;

import io.tracegate.platform.paging.Page;
import io.tracegate.trail.domain.AuditChain;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.AuditEvents;
import io.tracegate.trail.domain.AuditFilter;
import io.tracegate.trail.domain.AuditTrail;
import io.tracegate.trail.domain.ChainBreak;
import io.tracegate.trail.domain.ChainHead;
import io.tracegate.trail.domain.ChainVerification;
import io.tracegate.trail.domain.ChainVerifier;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.AUDITOR;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * The trail for those who check it: list events, verify the whole chain, export it for offline
 * verification. Verification and export read the chain in keyset pages outside a transaction, so they
 * take constant memory and hold no locks however long the chain is; both work on the head as it was when
 * they started, so events appended meanwhile neither disturb nor join them.
 */
@Stateless
public class AuditLog {

    /** Events read per round trip while streaming. */
    static final int BATCH = 1000;

    @Inject
    AuditEvents events;

    @Inject
    AuditTrail trail;

    @Resource
    SessionContext caller;

    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    public Page<AuditEvent> events(AuditFilter filter, int offset, int limit) {
        return new Page<>(events.page(filter, offset, limit), offset, limit, events.count(filter));
    }

    /** Recomputes every hash and link up to the current head, then checks nothing lies beyond it. */
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ChainVerification verify() {
        ChainHead head = events.head();
        ChainVerifier verifier = AuditChain.verifier();
        read(head.seq(), verifier::accept);
        ChainVerification outcome = verifier.finish(head);
        return outcome.orElseBroken(events.firstBeyondHead().map(seq -> ChainBreak.beyondHead(seq, head.seq())));
    }

    /**
     * Records that the caller exports the trail (an {@code audit.export} event, itself part of the export)
     * and returns the head the export ends at; then {@link #eachUpTo} streams it.
     */
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ChainHead startExport() {
        trail.record(new AuditEntry(caller.getCallerPrincipal().getName(), "audit.export", "audit-trail", "all",
                null, null, null));
        return events.head();
    }

    /** Hands every event up to {@code head} to {@code sink}, in seq order. */
    @RolesAllowed({AUDITOR, SAFETY_MANAGER, ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void eachUpTo(ChainHead head, Consumer<AuditEvent> sink) {
        read(head.seq(), event -> {
            sink.accept(event);
            return true;
        });
    }

    private void read(long upTo, Predicate<AuditEvent> consumer) {
        long after = 0;
        while (after < upTo) {
            List<AuditEvent> batch = events.range(after, upTo, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (AuditEvent event : batch) {
                if (!consumer.test(event)) {
                    return;
                }
            }
            after = batch.get(batch.size() - 1).seq();
        }
    }
}
