package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "*", " * "})
    void noHeaderOrAStarMeansAnyVersion(String header) {
        assertThat(IfMatch.version(header, "release")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", " \"3\" "})
    void aStrongEtagNamesTheVersion(String header) {
        assertThat(IfMatch.version(header, "release")).isEqualTo(OptionalLong.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "3", "\"3", "\"\"", "\"-1\"", "\"abc\"", "\"3\", \"4\"", "**",
            "\"1234567890123456789\""})
    void aWeakUnquotedListedOrForeignTagIsRefusedNamingTheHeader(String header) {
        assertThatThrownBy(() -> IfMatch.version(header, "evidence item"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("If-Match"))
                .hasMessageContaining("ETag of the evidence item");
    }
}
