package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactFileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"model\u0000.onnx", "model\r.onnx", "model\n.onnx", "tab\t.onnx", "del\u007f.onnx",
            "nel\u0085.onnx"})
    void refusesControlCharactersNamingTheFileNameField(String name) {
        assertThatThrownBy(() -> new ArtifactFileName(name))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("fileName");
                    assertThat(e.getMessage()).contains("control characters");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"engines/model.plan", "..\\model.plan", "model\\plan", "/etc/passwd", "..", "."})
    void refusesPathsAndDotNames(String name) {
        assertThatThrownBy(() -> new ArtifactFileName(name))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("fileName");
                    assertThat(e.getMessage()).contains("not a path");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void requiresAName(String name) {
        assertThatThrownBy(() -> new ArtifactFileName(name))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).isEqualTo("is required"));
    }

    @Test
    void refusesMoreThan255BytesOfUtf8EvenWhenFewerCharacters() {
        String twoByteChars = "é".repeat(128);
        assertThat(twoByteChars).hasSize(128);
        assertThat(twoByteChars.getBytes(StandardCharsets.UTF_8)).hasSize(256);

        assertThatThrownBy(() -> new ArtifactFileName(twoByteChars))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("fileName");
                    assertThat(e.getMessage()).contains("255 bytes");
                });
    }

    @Test
    void acceptsExactly255BytesOfUtf8() {
        String name = "é".repeat(127) + "x";

        assertThat(new ArtifactFileName(name).value().getBytes(StandardCharsets.UTF_8)).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"front camera v2.onnx", "modèle-détection ö.plan",
            "模型.onnx", "a..b.onnx", "quote\"and%percent;*.onnx", "\uD83D\uDE97 car.onnx"})
    void acceptsDisplayNamesWithSpacesAndNonAscii(String name) {
        assertThat(new ArtifactFileName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Efdp.onnx", "a\u202Dmodel.onnx", "\u2066isolate\u2069.onnx", "rtl\u200F.onnx",
            "zero\u200Bwidth.onnx", "\uFEFFbom.onnx"})
    void refusesBidiControlsAndOtherInvisibleFormatCharactersNamingTheField(String name) {
        assertThatThrownBy(() -> new ArtifactFileName(name)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("fileName");
            assertThat(e.getMessage()).contains("U+" + String.format("%04X", (int) name.chars()
                    .filter(c -> Character.getType(c) == Character.FORMAT).findFirst().orElseThrow()));
        });
    }
}
