package io.tracegate.approval.domain;

import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = ApprovalPolicy.standard();

    @Test
    void asilDNeedsTwoApproversOneOfThemASafetyManager() {
        ApprovalRule d = policy.ruleFor(Asil.D);
        ApprovalPolicy.Approval alex = new ApprovalPolicy.Approval("alex", Set.of("APPROVER"));
        ApprovalPolicy.Approval bob = new ApprovalPolicy.Approval("bob", Set.of("APPROVER"));
        ApprovalPolicy.Approval kim = new ApprovalPolicy.Approval("kim", Set.of("SAFETY_MANAGER"));

        assertThat(ApprovalPolicy.missing(d, List.of(alex), true, 0, Set.of()))
                .containsExactly("1 more approval signature(s)", ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
        assertThat(ApprovalPolicy.missing(d, List.of(alex, bob), true, 0, Set.of()))
                .containsExactly(ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
        assertThat(ApprovalPolicy.missing(d, List.of(alex, kim), true, 0, Set.of())).isEmpty();
        assertThat(d.independentOfUploaders()).isTrue();
    }

    @Test
    void aSafetyManagerWhoWaivedInTheRoundCountsAsAnApproverButNotAsTheSafetyManagerApproval() {
        ApprovalRule d = policy.ruleFor(Asil.D);
        ApprovalPolicy.Approval alex = new ApprovalPolicy.Approval("alex", Set.of("APPROVER"));
        ApprovalPolicy.Approval kim = new ApprovalPolicy.Approval("kim", Set.of("SAFETY_MANAGER"));
        ApprovalPolicy.Approval lee = new ApprovalPolicy.Approval("lee", Set.of("SAFETY_MANAGER"));

        assertThat(ApprovalPolicy.missing(d, List.of(alex, kim), true, 0, Set.of("kim")))
                .containsExactly("a signature by a safety manager who signed no waiver in this round (four eyes on "
                        + "every deviation)");
        assertThat(ApprovalPolicy.missing(d, List.of(kim, lee), true, 0, Set.of("kim")))
                .as("the waiver signer is the second approver, lee the independent safety manager").isEmpty();
        assertThat(ApprovalPolicy.missing(d, List.of(alex, kim), true, 0, Set.of("lee")))
                .as("someone else's waiver leaves kim independent").isEmpty();
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.B), List.of(kim), true, 0, Set.of("kim")))
                .as("a rule without a safety manager is not affected").isEmpty();
    }

    @Test
    void asilBNeedsCompletedEvidenceReviewAndEveryAsilAGreenGate() {
        ApprovalPolicy.Approval alex = new ApprovalPolicy.Approval("alex", Set.of("APPROVER"));
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.B), List.of(alex), true, 2, Set.of()))
                .containsExactly("2 evidence item(s) not reviewed yet");
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.QM), List.of(alex), true, 2, Set.of())).isEmpty();
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.QM), List.of(alex), false, 0, Set.of())).hasSize(1)
                .allMatch(m -> m.contains("gate"));
    }

    @Test
    void theRuleReadsAsASentence() {
        assertThat(policy.ruleFor(Asil.C).describe()).isEqualTo("2 approvers, one of them a safety manager, independent "
                + "of the release's creator and uploaders, all evidence reviewed, gate green (or waived)");
    }
}
