package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.0.0", "2.0.0-int8.rc1", "1.0.0+build.5", "1.4.0-rc.1+sha.5114f85",
            "1.0.0-0", "1.0.0-x-y-z.--", "999999999.0.0"})
    void acceptsSemanticVersions(String text) {
        assertThat(new SemanticVersion(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1.0", "01.0.0", "1.01.0", "1.0.0-", "v1.0.0", "1.0.0+", "1.0.0-01", "1.0.0-a..b",
            "1.0.0 ", " 1.0.0", "1.0.0-é", "1000000000.0.0", "1.0.0.0"})
    void refusesWhatIsNotASemanticVersionNamingTheVersionField(String text) {
        assertThatThrownBy(() -> new SemanticVersion(text))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("version"));
    }

    @Test
    void refusesVersionsLongerThanOneHundredCharacters() {
        String longest = "1.0.0-" + "a".repeat(94);
        assertThat(new SemanticVersion(longest).value()).hasSize(100);

        assertThatThrownBy(() -> new SemanticVersion(longest + "a")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void exposesMajorMinorAndPatch() {
        SemanticVersion version = new SemanticVersion("2.13.407-int8.rc1+build.5");

        assertThat(version.major()).isEqualTo(2);
        assertThat(version.minor()).isEqualTo(13);
        assertThat(version.patch()).isEqualTo(407);
        assertThat(version).hasToString("2.13.407-int8.rc1+build.5");
    }
}
