package io.tracegate.approval.domain;

import io.tracegate.requirement.domain.Asil;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * The approval policy: one rule per ASIL, chosen by the highest ASIL in the release's baseline. The
 * default (configurable in a file): QM/A one approver; B one approver and completed evidence review;
 * C/D two approvers, one a safety manager who signed no waiver in the round, independent of the creator and
 * the uploaders.
 */
public final class ApprovalPolicy {

    private final Map<Asil, ApprovalRule> rules;

    public ApprovalPolicy(Map<Asil, ApprovalRule> rules) {
        this.rules = new EnumMap<>(rules);
        for (Asil asil : Asil.values()) {
            if (!this.rules.containsKey(asil)) {
                throw new IllegalArgumentException("the approval policy has no rule for ASIL " + asil);
            }
        }
    }

    public static ApprovalPolicy standard() {
        ApprovalRule low = new ApprovalRule(1, false, true, false, false);
        ApprovalRule b = new ApprovalRule(1, false, true, false, true);
        ApprovalRule high = new ApprovalRule(2, true, true, true, true);
        return new ApprovalPolicy(Map.of(Asil.QM, low, Asil.A, low, Asil.B, b, Asil.C, high, Asil.D, high));
    }

    public ApprovalRule ruleFor(Asil asil) {
        return rules.get(asil);
    }

    /** One current approval signature and the roles its signer holds. */
    public record Approval(String signer, Set<String> roles) {
    }

    /** What the status says while a rule's safety-manager signature is missing. */
    public static final String INDEPENDENT_SAFETY_MANAGER =
            "a signature by a safety manager who signed no waiver in this round (four eyes on every deviation)";

    /**
     * What is still missing before a release under {@code rule} may become APPROVED; empty when nothing is.
     *
     * <p>Four eyes on every deviation: where the rule needs a safety manager, one who signed a waiver in this
     * round (of a requirement or of a finding, valid or expired) is not the independent safety-manager
     * approval, since they would be approving their own exception. Their approval signature still counts as
     * one of the rule's approvers: it is theirs and it is honest, only not independent. It is not refused
     * when signed, because the order does not matter: a safety manager may approve first and waive later in
     * the same round (after a waiver expired), and the status, computed from the round's records, must
     * then say the same as for the other order.
     *
     * @param approvals     current (this round) approval signatures, one per signer
     * @param gateGreen     whether every requirement is PASSED or WAIVED
     * @param unreviewed    evidence items not yet reviewed
     * @param waiverSigners who signed a waiver in this round
     */
    public static List<String> missing(ApprovalRule rule, List<Approval> approvals, boolean gateGreen, long unreviewed,
                                       Set<String> waiverSigners) {
        List<String> missing = new ArrayList<>();
        if (!gateGreen) {
            missing.add("the gate is not green: every requirement must be PASSED or WAIVED and no cross-check ERROR"
                    + " may stand unwaived");
        }
        if (rule.evidenceReviewed() && unreviewed > 0) {
            missing.add(unreviewed + " evidence item(s) not reviewed yet");
        }
        if (approvals.size() < rule.approvers()) {
            missing.add((rule.approvers() - approvals.size()) + " more approval signature(s)");
        }
        if (rule.safetyManager() && approvals.stream().noneMatch(a -> a.roles().contains(SAFETY_MANAGER)
                && !waiverSigners.contains(a.signer()))) {
            missing.add(INDEPENDENT_SAFETY_MANAGER);
        }
        return missing;
    }
}
