package io.tracegate.identity.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSecretTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aTokenIsTgAnd32RandomBytesInBase64Url() {
        TokenSecret secret = TokenSecret.generate(RANDOM);
        assertThat(secret.value()).startsWith("tg_").hasSize(46);
        byte[] raw = Base64.getUrlDecoder().decode(secret.value().substring(3));
        assertThat(raw).hasSize(32);
        assertThat(TokenSecret.wellFormed(secret.value())).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenSecret.generate(RANDOM).value())).isTrue();
        }
    }

    @Test
    void theStoredFormIsTheSha256OfTheTokenAndItsPublicPrefix() throws Exception {
        TokenSecret secret = TokenSecret.generate(RANDOM);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.value().getBytes(StandardCharsets.US_ASCII)));
        assertThat(secret.sha256()).isEqualTo(expected).hasSize(64);
        assertThat(secret.prefix()).isEqualTo(secret.value().substring(0, 12)).startsWith("tg_");
        assertThat(secret.matches(expected)).isTrue();
        assertThat(secret.matches(expected.replace(expected.charAt(10), expected.charAt(10) == 'a' ? 'b' : 'a')))
                .isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        TokenSecret secret = TokenSecret.generate(RANDOM);
        assertThat(secret.toString()).doesNotContain(secret.value()).startsWith(secret.prefix());
    }

    @Test
    void malformedTokensAreNotParsed() {
        String good = TokenSecret.generate(RANDOM).value();
        for (String bad : new String[] {null, "", "tg_", "tg_short", good + "x", good.substring(0, 45),
                "xx_" + good.substring(3), good.replace(good.charAt(20), '+'), good.replace(good.charAt(30), '=')}) {
            assertThat(TokenSecret.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(TokenSecret.parse(good)).isPresent();
        assertThatThrownBy(() -> new TokenSecret("tg_nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
