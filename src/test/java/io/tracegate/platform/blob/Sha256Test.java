package io.tracegate.platform.blob;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sha256Test {

    private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void parseNormalisesUpperCaseToLowerCase() {
        Sha256 digest = Sha256.parse("sha256", HEX.toUpperCase());

        assertThat(digest.hex()).isEqualTo(HEX);
        assertThat(digest).isEqualTo(new Sha256(HEX));
    }

    @Test
    void parseIgnoresSurroundingWhiteSpace() {
        assertThat(Sha256.parse("sha256", "  " + HEX + "\n").hex()).isEqualTo(HEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a080",
            "abc"})
    void parseRefusesTheWrongLengthNamingTheField(String text) {
        assertThatThrownBy(() -> Sha256.parse("quantization.calibrationDataset.sha256", text))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("quantization.calibrationDataset.sha256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "9f86d081884c7d659a2feaa0c55ad015-3bf4f1b2b0b822cd15d6c15b0f00a08",
            "9f86d081884c7d659a2feaa0c55ad015 3bf4f1b2b0b822cd15d6c15b0f00a08",
            "9f86d081884c7d659a2feaa0c55ad015\u00e93bf4f1b2b0b822cd15d6c15b0f00a08"})
    void parseRefusesNonHexNamingTheField(String text) {
        assertThat(text).hasSize(64);
        assertThatThrownBy(() -> Sha256.parse("sha256", text))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("sha256"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void parseRequiresAValueNamingTheField(String text) {
        assertThatThrownBy(() -> Sha256.parse("sha256", text))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("sha256");
                    assertThat(e.getMessage()).contains("required");
                });
    }

    @Test
    void constructorRefusesUpperCaseSoStoredDigestsAreCanonical() {
        assertThatThrownBy(() -> new Sha256(HEX.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofFormatsRawDigestBytesAsLowerCaseHex() {
        byte[] raw = new byte[32];
        raw[0] = (byte) 0xAB;
        raw[31] = 0x01;

        assertThat(Sha256.of(raw).hex()).isEqualTo("ab" + "00".repeat(30) + "01");
    }
}
