package io.tracegate.audit.application;

import io.tracegate.release.domain.ReleaseApproved;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An approved release gets its audit package frozen at approval: once the approving transaction has
 * committed, a job writes the package of the APPROVED state in the background. The release cannot be handed
 * over until that package exists (see ReleaseReview), so a failed job is noticed, not lost.
 */
@ApplicationScoped
public class FreezeAtApproval {

    private static final Logger LOG = Logger.getLogger(FreezeAtApproval.class.getName());

    @EJB
    AuditPackaging packaging;

    void approved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseApproved approved) {
        try {
            packaging.freezeAtApproval(approved.releaseId(), approved.reviewRound());
        } catch (RuntimeException e) {
            // The approval stands; hand-over stays refused until someone writes the package again.
            LOG.log(Level.SEVERE, "Could not queue the approval package of release " + approved.releaseId()
                    + " round " + approved.reviewRound(), e);
        }
    }
}
