package io.tracegate.requirement.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-set rules over outlines: what a re-import checks for requirements it did not read again. */
class DecompositionCheckTest {

    private static RequirementOutline outline(String id, String file, String... parents) {
        return new RequirementOutline(new RequirementId(id), Arrays.stream(parents).map(RequirementId::new).toList(), file);
    }

    private static List<String> problems(RequirementOutline... outlines) {
        return DecompositionCheck.problemsIn(List.of(outlines)).stream().map(ImportProblem::toString).toList();
    }

    @Test
    void aSoundTreeHasNoProblems() {
        assertThat(problems(outline("SG-01", "sg.md"), outline("FSR-01", "fsr.md", "SG-01"),
                outline("MLR-01", "mlr.md", "FSR-01", "SG-01"))).isEmpty();
    }

    @Test
    void everyKindOfProblemNamesItsFileInTheOrderGiven() {
        assertThat(problems(outline("A-1", "a.md", "B-1"), outline("B-1", "b.md", "A-1"), outline("A-1", "other/a.md"),
                outline("C-1", "c.md", "GONE-1"), outline("D-1", "d.md", "D-1")))
                .containsExactly(
                        "other/a.md: duplicate id A-1 (also in a.md)",
                        "c.md: C-1 names parent GONE-1, which does not exist",
                        "d.md: D-1 is its own parent",
                        "a.md: cycle in the parent links: A-1 -> B-1 -> A-1");
    }

    @Test
    void aCarriedRequirementWhoseParentWasDeletedIsReportedWithItsFile() {
        // FSR-01 was carried from the previous baseline; SG-01's file was deleted in the new commit.
        assertThat(problems(outline("SG-02", "requirements/sg/SG-02.md"),
                outline("FSR-01", "requirements/system/FSR-01.md", "SG-01")))
                .containsExactly("requirements/system/FSR-01.md: FSR-01 names parent SG-01, which does not exist");
    }

    @Test
    void theCycleReportedIsTheSameForTheSameInput() {
        List<RequirementOutline> ring = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ring.add(outline("R-" + i, "r" + i + ".md", "R-" + ((i + 1) % 50)));
        }
        List<ImportProblem> first = DecompositionCheck.problemsIn(ring);
        assertThat(first).singleElement().satisfies(p -> assertThat(p.message()).startsWith("cycle in the parent links: R-0 -> R-1 -> "));
        assertThat(DecompositionCheck.problemsIn(ring)).isEqualTo(first);
    }

    @Test
    void draftsAndCarriedMembersGiveTheSameOutline() {
        RequirementDraft draft = RequirementBaselineTest.draft("MLR-1", Asil.B, "t", "FSR-1");
        BaselineMember member = new BaselineMember(7, 350, draft.id(), draft.parents(), draft.asil(), draft.sourcePath(),
                draft.sourceVersion());
        assertThat(member.outline()).isEqualTo(draft.outline())
                .isEqualTo(outline("MLR-1", "MLR-1.md", "FSR-1"));
    }
}
