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

        assertThat(ApprovalPolicy.missing(d, List.of(alex), true, 0))
                .containsExactly("1 more approval signature(s)", "a signature by a safety manager");
        assertThat(ApprovalPolicy.missing(d, List.of(alex, bob), true, 0)).containsExactly("a signature by a safety manager");
        assertThat(ApprovalPolicy.missing(d, List.of(alex, kim), true, 0)).isEmpty();
        assertThat(d.independentOfUploaders()).isTrue();
    }

    @Test
    void asilBNeedsCompletedEvidenceReviewAndEveryAsilAGreenGate() {
        ApprovalPolicy.Approval alex = new ApprovalPolicy.Approval("alex", Set.of("APPROVER"));
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.B), List.of(alex), true, 2))
                .containsExactly("2 evidence item(s) not reviewed yet");
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.QM), List.of(alex), true, 2)).isEmpty();
        assertThat(ApprovalPolicy.missing(policy.ruleFor(Asil.QM), List.of(alex), false, 0)).hasSize(1)
                .allMatch(m -> m.contains("gate"));
    }

    @Test
    void theRuleReadsAsASentence() {
        assertThat(policy.ruleFor(Asil.C).describe()).isEqualTo("2 approvers, one of them a safety manager, independent "
                + "of the release's creator and uploaders, all evidence reviewed, gate green (or waived)");
    }
}
