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

    private static BaselineMember member(long row, String id, Asil asil, String... parents) {
        return new BaselineMember(1, row, new RequirementId(id), java.util.Arrays.stream(parents).map(RequirementId::new).toList(),
                asil, "requirements/" + id + ".md", "b".repeat(40));
    }

    @Test
    void aReimportFreezesNewDraftsWithCarriedMembersCheckingTheWholeSet() {
        RequirementBaseline baseline = RequirementBaseline.freeze(null, SOURCE,
                List.of(draft("FSR-1", Asil.C, "changed", "SG-1"), draft("MLR-9", Asil.B, "added", "FSR-1")),
                List.of(member(150, "SG-1", Asil.D), member(151, "MLR-1", Asil.B, "FSR-1")), "sam", Instant.now());
        assertThat(baseline.size()).isEqualTo(4);
        assertThat(baseline.highestAsil()).as("from a carried member").isEqualTo(Asil.D);
        assertThat(baseline.introduced()).extracting(r -> r.id().value()).containsExactly("FSR-1", "MLR-9");
        assertThat(baseline.carried()).extracting(BaselineMember::row).containsExactly(151L, 150L);
        assertThat(baseline.name()).isEqualTo("/repo@" + "a".repeat(40));
        assertThatThrownBy(baseline::requirements).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("once it is stored");
    }

    @Test
    void carriedMembersTakePartInEveryRule() {
        assertThatThrownBy(() -> RequirementBaseline.freeze("b", SOURCE, List.of(draft("SG-1", Asil.D, "t")),
                List.of(member(150, "SG-1", Asil.D)), "sam", Instant.now()))
                .hasMessageContaining("requirements/SG-1.md: duplicate id SG-1 (also in SG-1.md)");
        assertThatThrownBy(() -> RequirementBaseline.freeze("b", SOURCE, List.of(draft("SG-2", Asil.D, "t")),
                List.of(member(151, "FSR-1", Asil.C, "SG-1")), "sam", Instant.now()))
                .hasMessageContaining("requirements/FSR-1.md: FSR-1 names parent SG-1, which does not exist");
        assertThatThrownBy(() -> RequirementBaseline.freeze("b", SOURCE, List.of(draft("A-1", Asil.B, "t", "A-2")),
                List.of(member(152, "A-2", Asil.B, "A-1")), "sam", Instant.now()))
                .hasMessageContaining("cycle in the parent links");
        assertThat(RequirementBaseline.freeze("b", SOURCE, List.of(), List.of(member(150, "SG-1", Asil.QM)), "sam",
                Instant.now()).size()).as("a commit that changes nothing still makes a baseline").isEqualTo(1);
    }

    @Test
    void aFullFreezeHasEveryRequirementAtHandAndIntroducesThemAll() {
        RequirementBaseline baseline = freeze(draft("B-1", Asil.A, "t"), draft("A-1", Asil.QM, "t"));
        assertThat(baseline.requirements()).extracting(r -> r.id().value()).containsExactly("A-1", "B-1");
        assertThat(baseline.introduced()).isEqualTo(baseline.requirements());
        assertThat(baseline.carried()).isEmpty();
        assertThat(baseline.highestAsil()).isEqualTo(Asil.A);
        assertThat(baseline.requirement(new RequirementId("B-1"))).isPresent();
        assertThat(baseline.requirement(new RequirementId("C-1"))).isEmpty();
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

    /** Issue 15 item 7: a 4,000-character path overflowed its column at commit (500). */
    @Test
    void aPathOrNameLongerThanItsColumnIsRefusedNamingTheField() {
        String deep = "d".repeat(250) + "/";
        String path = deep.repeat(16) + "A-1.md";
        RequirementDraft longPath = new RequirementDraft(new RequirementId("A-1"), "t", Asil.B,
                RequirementKind.ML_PERFORMANCE, List.of(), Verification.none(), List.of(), "", path, "v");

        assertThatThrownBy(() -> freeze(longPath)).isInstanceOfSatisfying(BaselineRejected.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).hasSizeLessThanOrEqualTo(200).endsWith("A-1.md");
                assertThat(problem.message()).contains("path", "4022 characters", "at most 1000");
            });
        });
        assertThatThrownBy(() -> RequirementBaseline.freeze("n".repeat(4000), SOURCE, List.of(draft("A-1", Asil.B, "t")),
                "sam", Instant.now())).isInstanceOfSatisfying(io.tracegate.platform.failure.InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> BaselineSource.git("/repo", "main:" + "r".repeat(4000), "a".repeat(40)))
                .isInstanceOfSatisfying(io.tracegate.platform.failure.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("ref"));
    }
}
