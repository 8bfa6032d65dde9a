package io.tracegate.evidence.domain;

import io.tracegate.requirement.domain.RequirementId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementMentionsTest {

    private static final RequirementId NIGHT = new RequirementId("MLR-PERF-VRU-NIGHT");
    private static final RequirementId VRU = new RequirementId("MLR-PERF-VRU");
    private static final RequirementId FAULT = new RequirementId("MLR-ROB-SENSOR-FAULT");
    private final RequirementMentions mentions = new RequirementMentions(Set.of(NIGHT, VRU, FAULT));

    private static TestResult test(String suite, String name, Map<String, String> properties) {
        return new TestResult(suite, name, TestOutcome.PASSED, null, null, new TreeMap<>(properties));
    }

    @Test
    void aPytestNameWithUnderscoresNamesTheRequirement() {
        assertThat(mentions.in(test("hil.test_night", "test_mlr_perf_vru_night_recall", Map.of())))
                .containsExactlyInAnyOrder(NIGHT, VRU);
    }

    @Test
    void anIdIsOnlyMatchedBetweenSeparators() {
        assertThat(mentions.in(test("", "XMLR-PERF-VRU-NIGHTLY", Map.of()))).isEmpty();
    }

    @Test
    void requirementPropertiesListSeveralIdsAndIgnoreUnknownOnes() {
        assertThat(mentions.in(test("s", "frame drop", Map.of("requirements", "MLR-ROB-SENSOR-FAULT; MLR-NOPE, mlr-perf-vru"))))
                .containsExactlyInAnyOrder(FAULT, VRU);
        assertThat(mentions.in(test("s", "t", Map.of("verifies", "MLR-PERF-VRU-NIGHT")))).containsExactly(NIGHT);
        assertThat(mentions.in(test("s", "t", Map.of("owner", "MLR-PERF-VRU-NIGHT")))).isEmpty();
    }

    @Test
    void aGoogleTestSuiteNameCanNameTheRequirement() {
        assertThat(mentions.in(test("MLR_ROB_SENSOR_FAULT/DeadPixels", "Run/3", Map.of()))).containsExactly(FAULT);
    }
}
