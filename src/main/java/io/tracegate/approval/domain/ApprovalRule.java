package io.tracegate.approval.domain;

import io.tracegate.platform.failure.InvalidInput;

/**
 * What approving a release takes, for one ASIL.
 *
 * @param approvers              distinct approval signatures needed
 * @param safetyManager          whether one of the signers must hold the SAFETY_MANAGER role
 * @param independentOfCreator   whether the release's creator is barred from signing
 * @param independentOfUploaders whether anyone who uploaded an artifact or evidence is barred from signing
 * @param evidenceReviewed       whether every evidence item must be reviewed before approval
 */
public record ApprovalRule(int approvers, boolean safetyManager, boolean independentOfCreator,
                           boolean independentOfUploaders, boolean evidenceReviewed) {

    public ApprovalRule {
        if (approvers < 1 || approvers > 10) {
            throw new InvalidInput("approvers", "must be between 1 and 10");
        }
    }

    /** The rule in words, for the approval status and the report. */
    public String describe() {
        StringBuilder s = new StringBuilder(approvers + (approvers == 1 ? " approver" : " approvers"));
        if (safetyManager) {
            s.append(", one of them a safety manager");
        }
        if (independentOfCreator || independentOfUploaders) {
            s.append(", independent of the release's ").append(independentOfUploaders ? "creator and uploaders" : "creator");
        }
        if (evidenceReviewed) {
            s.append(", all evidence reviewed");
        }
        return s.append(", gate green (or waived)").toString();
    }
}
