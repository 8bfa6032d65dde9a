package io.tracegate.approval.application;

import io.tracegate.approval.domain.SigningChallenges;
import io.tracegate.identity.application.SignerAttestation;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Records a refused signature or waiver attempt in a transaction of its own, which commits although the signing
 * transaction rolls back: the audit event {@code signature.refused} (subject the signer's account, the reason and
 * the release in its reason) and, for a wrong password or code, the count against the challenge (spent after 3)
 * and against the account (throttled, then locked). Called before the signing transaction wrote any audit event or
 * locked the challenge or the count, so it never waits for its own caller.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SigningRefusals {

    @Inject
    SigningChallenges challenges;

    @Inject
    SignerAttestation attestation;

    @Inject
    AuditTrail trail;

    /** A refusal that checked no factor: recorded only. */
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    public void refused(String signer, long releaseId, String reason, String detail) {
        record(signer, releaseId, reason, detail);
    }

    /**
     * A wrong password or code: counted against the challenge (by its secret's hash) and the account, then
     * recorded; true when this failure locked signing for the account.
     */
    @RolesAllowed({APPROVER, SAFETY_MANAGER})
    public boolean failed(String signer, long releaseId, String challengeSha256, String reason, String detail) {
        challenges.withSecretLocked(challengeSha256).ifPresent(c -> c.wrongAttempt());
        boolean locked = attestation.failed(signer);
        record(signer, releaseId, reason + (locked ? "; signing now locked" : ""), detail);
        return locked;
    }

    private void record(String signer, long releaseId, String reason, String detail) {
        trail.record(new AuditEntry(signer, "signature.refused", "account", signer, null, null,
                reason + " (release " + releaseId + "): " + detail));
    }
}
