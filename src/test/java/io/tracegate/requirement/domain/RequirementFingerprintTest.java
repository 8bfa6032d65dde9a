package io.tracegate.requirement.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints are stored and compared across baselines imported by different versions of Tracegate: the
 * same content must give the same fingerprint forever. The expected values were computed by the version
 * before the fingerprint was made cheaper (commit a304908).
 */
class RequirementFingerprintTest {

    private static Requirement frozen(String text, List<String> parents, List<String> criteria) {
        List<RequirementDraft> drafts = new java.util.ArrayList<>();
        parents.forEach(p -> drafts.add(new RequirementDraft(new RequirementId(p), "goal " + p, Asil.D,
                RequirementKind.SAFETY_GOAL, List.of(), Verification.none(), List.of(), "", p + ".md", "v")));
        drafts.add(new RequirementDraft(new RequirementId("MLR-1"), "Pedestrians at night", Asil.B,
                RequirementKind.ML_PERFORMANCE, parents.stream().map(RequirementId::new).toList(),
                new Verification("HIL", "ml-model"), criteria.stream().map(AcceptanceCriterion::parse).toList(),
                text, "MLR-1.md", "v"));
        return RequirementBaseline.freeze("b", BaselineSource.git("/r", "main", "c".repeat(40)), drafts, "sam",
                Instant.EPOCH).requirement(new RequirementId("MLR-1")).orElseThrow();
    }

    @Test
    void theFingerprintOfTheSameContentIsWhatEarlierVersionsStored() {
        assertThat(frozen("Why it matters.", List.of(), List.of()).fingerprint()).isEqualTo(EXPECTED[0]);
        assertThat(frozen("  First line  \r\nsecond\t\n\nthird \r", List.of("SG-2", "SG-1"),
                List.of("recall[set=night-hil, class=pedestrian] >= 0.950", "latency.p99_ms[target=orin] <= 30 ms"))
                .fingerprint()).isEqualTo(EXPECTED[1]);
        assertThat(frozen("no trailing blanks\nat all\n", List.of("SG-1"), List.of("map_drop_vs_reference <= 1.0"))
                .fingerprint()).isEqualTo(EXPECTED[2]);
    }

    @Test
    void blanksBeforeLineEndsAndCarriageReturnsDoNotChangeTheFingerprint() {
        String plain = frozen("a\nb\n\nc", List.of(), List.of()).fingerprint();
        assertThat(frozen("a \r\nb\t\n\t \nc  ", List.of(), List.of()).fingerprint()).isEqualTo(plain);
        assertThat(frozen("a\rb\r\rc", List.of(), List.of()).fingerprint()).isEqualTo(plain);
        assertThat(frozen("a\nb\n\nd", List.of(), List.of()).fingerprint()).isNotEqualTo(plain);
    }

    private static final String[] EXPECTED = {
        "9fe6982fb5edb2bd992250caf743ee18f2a8c3b51c218bf30fd52c6c769ab25f",
        "e43d4eb18dd675b9270d4d448a290d6ad380593b1f68b0ad75e8758b87464e94",
        "6f71628208063801785febd3ae9a4aaba338160d11d633fea017984e5c1562d0"};
}
