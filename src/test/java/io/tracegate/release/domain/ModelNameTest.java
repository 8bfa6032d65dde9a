package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"front-camera-object-detector", "a", "7", "lidar.seg_v2", "x-1"})
    void acceptsUrlSafeLowerCaseSlugs(String text) {
        assertThat(new ModelName(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Front-Camera", "-detector", "detector-", "detector.", "_x", "two words", "a/b", "a\\b",
            "..", "détecteur", "a\nb"})
    void refusesWhatIsNotASlugNamingTheNameField(String text) {
        assertThatThrownBy(() -> new ModelName(text))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void acceptsOneHundredCharactersAndRefusesOneMore() {
        assertThat(new ModelName("m".repeat(100)).value()).hasSize(100);

        assertThatThrownBy(() -> new ModelName("m".repeat(101))).isInstanceOf(InvalidInput.class);
    }
}
