package io.tracegate.platform.web;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRequestTest {

    @Test
    void readGivesTheFieldsOfAJsonObject() {
        JsonFields fields = JsonRequest.read(body("{\"name\": \"detector\", \"count\": 3}"));

        assertThat(fields.requiredString("name")).isEqualTo("detector");
        assertThat(fields.requiredInt("count")).isEqualTo(3);
        assertThat(fields.path()).isEmpty();
    }

    @Test
    void readNamesLineAndColumnOfBrokenJsonInTheBodyField() {
        assertThatThrownBy(() -> JsonRequest.read(body("{\"a\": 1,\n  \"b\": }")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("line 2").contains("column 8");
                });
    }

    @Test
    void readRefusesAnEmptyBody() {
        assertThatThrownBy(() -> JsonRequest.read(body("")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("empty");
                });
    }

    @Test
    void readRefusesAMissingBody() {
        assertThatThrownBy(() -> JsonRequest.read(null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void readRefusesJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> JsonRequest.read(body("[1, 2, 3]")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("expected a JSON object").contains("array");
                });
        assertThatThrownBy(() -> JsonRequest.read(body("\"text\"")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("string"));
    }

    @Test
    void readAcceptsABodyOfExactlyTheLimit() {
        String json = paddedObject(JsonRequest.MAX_BYTES);

        assertThat(JsonRequest.read(body(json)).requiredString("pad")).startsWith("xxx");
    }

    @Test
    void readRefusesABodyLargerThanOneMebibyteWithoutReadingItAll() {
        AtomicLong consumed = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                consumed.incrementAndGet();
                return ' ';
            }
        };

        assertThatThrownBy(() -> JsonRequest.read(endless))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains(String.valueOf(1 << 20));
                });
        assertThat(consumed.get()).isEqualTo((1 << 20) + 1);
    }

    @Test
    void readRefusesAValidObjectOneByteOverTheLimit() {
        assertThatThrownBy(() -> JsonRequest.read(body(paddedObject(JsonRequest.MAX_BYTES + 1))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("limited"));
    }

    @Test
    void readRefusesAHundredThousandLevelsOfNestingByTheDepthCheck() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> JsonRequest.read(body(deep)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("nesting deeper than 64");
                });
    }

    @Test
    void readAcceptsNestingUpToTheDepthLimit() {
        String json = "{\"a\":" + "[".repeat(JsonRequest.MAX_DEPTH - 1) + "]".repeat(JsonRequest.MAX_DEPTH - 1) + "}";

        assertThat(JsonRequest.read(body(json))).isNotNull();
    }

    @Test
    void readRefusesNestingOneLevelOverTheLimit() {
        String json = "{\"a\":" + "[".repeat(JsonRequest.MAX_DEPTH) + "]".repeat(JsonRequest.MAX_DEPTH) + "}";

        assertThatThrownBy(() -> JsonRequest.read(body(json)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("nesting"));
    }

    @Test
    void readDoesNotCountBracketsInsideStringsAsNesting() {
        String brackets = "[{".repeat(200) + "\\\"[[[";
        JsonFields fields = JsonRequest.read(body("{\"text\": \"" + brackets + "\"}"));

        assertThat(fields.requiredString("text")).isEqualTo("[{".repeat(200) + "\"[[[");
    }

    @Test
    void readReportsAnUnreadableBodyAsInvalidInput() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> JsonRequest.read(broken))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void readRefusesContentAfterTheObject() {
        assertThatThrownBy(() -> JsonRequest.read(body("{\"a\": 1} {\"b\": 2}")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void readRefusesADuplicateKeyInsteadOfKeepingTheLastValue() {
        assertThatThrownBy(() -> JsonRequest.read(body("{\"name\": \"a\", \"name\": \"b\"}")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> JsonRequest.read(body("{\"target\": {\"hardware\": \"a\", \"hardware\": \"b\"}}")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("target.hardware"));
    }

    private static String paddedObject(int totalBytes) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(totalBytes - prefix.length() - suffix.length()) + suffix;
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
