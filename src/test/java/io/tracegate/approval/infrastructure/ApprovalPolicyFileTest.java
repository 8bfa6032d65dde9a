package io.tracegate.approval.infrastructure;

import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.requirement.domain.Asil;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalPolicyFileTest {

    @Test
    void theShippedPolicyFileEqualsTheBuiltInDefault() {
        ApprovalPolicy file = ApprovalPolicyFile.read(Path.of("deploy/approval-policy.json"));
        for (Asil asil : Asil.values()) {
            assertThat(file.ruleFor(asil)).isEqualTo(ApprovalPolicy.standard().ruleFor(asil));
        }
    }

    @Test
    void aPolicyMissingAnAsilOrWithAnUnknownFieldIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path missing = Files.writeString(dir.resolve("p.json"), "{\"QM\": {\"approvers\": 1}}");
        assertThatThrownBy(() -> ApprovalPolicyFile.read(missing)).hasMessageContaining("ASIL A");
        Path typo = Files.writeString(dir.resolve("q.json"), "{\"QM\": {\"approvers\": 1, \"aprovers\": 2}}");
        assertThatThrownBy(() -> ApprovalPolicyFile.read(typo)).hasMessageContaining("aprovers");
    }
}
