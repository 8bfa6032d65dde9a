package io.tracegate.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    /** RFC 6266 / RFC 5987 shape: an ASCII quoted fallback, then an ext-value of attr-chars and %XX escapes. */
    private static final Pattern HEADER = Pattern.compile(
            "attachment; filename=\"([\\x20-\\x7e&&[^\"\\\\]]*)\"; filename\\*=UTF-8''((?:[A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-F]{2})*)");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "model.onnx|model.onnx|model.onnx",
            "evil\".onnx|evil_.onnx|evil%22.onnx",
            "100%.onnx|100_.onnx|100%25.onnx",
            "inv\u202Efdp.onnx|inv_fdp.onnx|inv%E2%80%AEfdp.onnx",
            "modèle détection.plan|mod_le d_tection.plan|mod%C3%A8le%20d%C3%A9tection.plan",
            "a;b=c.onnx|a;b=c.onnx|a%3Bb%3Dc.onnx",
            "\uD83D\uDE97.onnx|__.onnx|%F0%9F%9A%97.onnx"})
    void hostileNamesGiveAnAsciiFallbackAndAnExactEncodedName(String name, String fallback, String encoded) {
        String header = ContentDisposition.attachment(name);

        assertThat(header).isEqualTo("attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\".onnx", "100%.onnx", "inv\u202Efdp.onnx", "modèle détection.plan",
            "x\"; filename=\"hack.exe", "back\\slash.onnx", "a+b (1).onnx", "it's ~ok~.onnx", "模型.onnx"})
    void headerIsAsciiWellFormedAndDecodesBackToTheExactName(String name) {
        String header = ContentDisposition.attachment(name);

        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        Matcher matcher = HEADER.matcher(header);
        assertThat(matcher.matches()).as("well-formed: %s", header).isTrue();
        assertThat(percentDecode(matcher.group(2))).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"star*.onnx"})
    void nameWithAnAsteriskStillGivesAWellFormedExtValue(String name) {
        assertThat(HEADER.matcher(ContentDisposition.attachment(name)).matches()).isTrue();
    }

    private static String percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
