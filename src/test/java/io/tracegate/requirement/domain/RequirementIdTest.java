package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequirementIdTest {

    /** The documented syntax, which the hand-written check must accept exactly. */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*");

    @Test
    void acceptsExactlyTheIdsTheDocumentedSyntaxAccepts() {
        List<String> candidates = new ArrayList<>(List.of("SG-01", "MLR-PERF-PED-NIGHT", "_3f2a", "1234", "A.B-C.D",
                "A-.B", "a_b", "", "-A", ".A", "A-", "A--B", "A B", "Ä-1", "A/B", "A-B-", "A.", "A-_", "x".repeat(100)));
        Random random = new Random(42);
        String alphabet = "Aa9_.-#- ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            candidates.add(id.toString());
        }
        for (String candidate : candidates) {
            assertThat(RequirementId.isWellFormed(candidate)).as("'%s'", candidate)
                    .isEqualTo(SYNTAX.matcher(candidate).matches());
        }
    }

    @Test
    void refusesIdsLongerThanAHundredCharactersAndNamesTheValue() {
        assertThat(new RequirementId("x".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new RequirementId("x".repeat(101))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RequirementId("A--B")).isInstanceOf(InvalidInput.class).hasMessageContaining("'A--B'");
        assertThatThrownBy(() -> new RequirementId(null)).isInstanceOf(InvalidInput.class);
    }
}
