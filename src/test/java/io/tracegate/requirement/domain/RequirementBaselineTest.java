package io.tracegate.requirement.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequirementBaselineTest {

    private static final BaselineSource SOURCE = BaselineSource.git("/repo", "main", "a".repeat(40));

    static RequirementDraft draft(String id, Asil asil, String title, String... parents) {
        return new RequirementDraft(new RequirementId(id), title, asil, RequirementKind.ML_PERFORMANCE,
                java.util.Arrays.stream(parents).map(RequirementId::new).toList(), Verification.none(),
                List.of(AcceptanceCriterion.parse("recall[class=pedestrian] >= 0.95")), "text of " + id, id + ".md", "v");
    }

    private static RequirementBaseline freeze(RequirementDraft... drafts) {
        return RequirementBaseline.freeze("b", SOURCE, List.of(drafts), "sam", Instant.now());
    }

    @Test
    void duplicateIdsDanglingParentsAndCyclesAreAllReportedWithTheirFiles() {
        assertThatThrownBy(() -> freeze(draft("A-1", Asil.B, "t"), draft("A-1", Asil.B, "t")))
                .isInstanceOfSatisfying(BaselineRejected.class, e -> assertThat(e.getMessage()).contains("duplicate id A-1"));
        assertThatThrownBy(() -> freeze(draft("A-1", Asil.B, "t", "NOPE-1")))
                .hasMessageContaining("A-1.md").hasMessageContaining("NOPE-1, which does not exist");
        assertThatThrownBy(() -> freeze(draft("A-1", Asil.B, "t", "A-3"), draft("A-2", Asil.B, "t", "A-1"),
                draft("A-3", Asil.B, "t", "A-2")))
                .hasMessageContaining("cycle in the parent links");
        assertThatThrownBy(() -> freeze()).hasMessageContaining("no requirements");
    }

    @Test
    void aTenThousandDeepChainIsCheckedWithoutRecursion() {
        List<RequirementDraft> chain = new ArrayList<>();
        chain.add(draft("C-0", Asil.D, "root"));
        for (int i = 1; i < 10_000; i++) {
            chain.add(draft("C-" + i, Asil.B, "t", "C-" + (i - 1)));
        }
        assertThat(RequirementBaseline.freeze("deep", SOURCE, chain, "sam", Instant.now()).size()).isEqualTo(10_000);
    }

    @Test
    void theDiffPairsRequirementsByIdAndNamesTheChangedFields() {
        RequirementBaseline before = freeze(draft("A-1", Asil.B, "t"), draft("A-2", Asil.B, "t"), draft("A-3", Asil.B, "t"));
        RequirementBaseline after = freeze(draft("A-1", Asil.B, "t"), draft("A-2", Asil.C, "new title"), draft("A-4", Asil.B, "t"));
        BaselineDiff diff = BaselineDiff.between(before, after);
        assertThat(diff.added()).extracting(RequirementId::value).containsExactly("A-4");
        assertThat(diff.removed()).extracting(RequirementId::value).containsExactly("A-3");
        assertThat(diff.unchanged()).extracting(RequirementId::value).containsExactly("A-1");
        assertThat(diff.changed()).singleElement().satisfies(change -> {
            assertThat(change.id().value()).isEqualTo("A-2");
            assertThat(change.fields()).containsExactly("title", "asil");
        });
        assertThat(diff.invalidated()).extracting(RequirementId::value).containsExactly("A-2", "A-3");
    }

    @Test
    void aVerificationLinkBecomesSuspectWhenItsRequirementChangesOrVanishes() {
        RequirementBaseline before = freeze(draft("A-1", Asil.B, "t"), draft("A-2", Asil.B, "t"), draft("A-3", Asil.B, "t"));
        RequirementBaseline after = freeze(draft("A-1", Asil.B, "t"), draft("A-2", Asil.B, "changed"));
        VerificationLink same = VerificationLink.of(1, before.requirement(new RequirementId("A-1")).orElseThrow(), "EVIDENCE", "e1", Instant.now());
        VerificationLink changed = VerificationLink.of(1, before.requirement(new RequirementId("A-2")).orElseThrow(), "EVIDENCE", "e2", Instant.now());
        VerificationLink gone = VerificationLink.of(1, before.requirement(new RequirementId("A-3")).orElseThrow(), "EVIDENCE", "e3", Instant.now());
        for (VerificationLink link : List.of(same, changed, gone)) {
            link.recheckAgainst(after);
        }
        assertThat(same.isSuspect()).isFalse();
        assertThat(changed.isSuspect()).isTrue();
        assertThat(changed.suspectReason()).contains("changed");
        assertThat(gone.isSuspect()).isTrue();
        assertThat(gone.suspectReason()).contains("not in baseline");
    }

    @Test
    void criteriaParseToACanonicalFormAndEvaluate() {
        AcceptanceCriterion c = AcceptanceCriterion.parse("  latency.p99_ms[ target = orin ,set=hil] <=30 ms");
        assertThat(c.toString()).isEqualTo("latency.p99_ms[set=hil, target=orin] <= 30 ms");
        assertThat(c.isMetBy(new java.math.BigDecimal("29.9"))).isTrue();
        assertThat(c.isMetBy(new java.math.BigDecimal("30.1"))).isFalse();
        assertThatThrownBy(() -> AcceptanceCriterion.parse("recall >= high")).hasMessageContaining("cannot read criterion");
        assertThatThrownBy(() -> AcceptanceCriterion.parse("recall[set] >= 1")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AcceptanceCriterion.parse("recall >= 1 parsecs")).hasMessageContaining("unknown unit");
    }
}
