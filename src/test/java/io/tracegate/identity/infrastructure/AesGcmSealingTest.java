package io.tracegate.identity.infrastructure;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealed authenticator secrets open with the key and the account they were sealed for, and nothing else. */
class AesGcmSealingTest {

    private final byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final AesGcmSealing sealing = new AesGcmSealing(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void aSealedSecretOpensForItsAccountOnly() {
        String sealed = sealing.seal(secret, "alex");
        assertThat(sealed).startsWith("v1:").doesNotContain("1234567890").doesNotContain("GEZDGNBV");
        assertThat(sealing.open(sealed, "alex")).isEqualTo(secret);
        assertThat(sealing.seal(secret, "alex")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> sealing.open(sealed, "kim")).as("copied to another account's row")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyOrAnEditedTextDoesNotOpen() {
        String sealed = sealing.seal(secret, "alex");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new AesGcmSealing(new SecretKeySpec(other, "AES")).open(sealed, "alex"))
                .isInstanceOf(IllegalStateException.class);
        String edited = sealed.substring(0, 10) + (sealed.charAt(10) == 'A' ? 'B' : 'A') + sealed.substring(11);
        assertThatThrownBy(() -> sealing.open(edited, "alex")).isInstanceOf(IllegalStateException.class);
    }
}
