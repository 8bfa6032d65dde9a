package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    @Test
    void twelveCharactersAreEnoughElevenAreNot() {
        assertThatCode(() -> PasswordRules.check("mira", "lantern-orbs".toCharArray(), "password")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordRules.check("mira", "abcdefghijk".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("at least 12")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("password");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // 11 emoji are 22 UTF-16 units but only 11 characters
        String elevenEmoji = "\uD83D\uDE00".repeat(11);
        assertThatThrownBy(() -> PasswordRules.check("mira", elevenEmoji.toCharArray(), "newPassword"))
                .isInstanceOf(InvalidInput.class);
        String twelveEmoji = java.util.stream.IntStream.range(0x1F600, 0x1F60C)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThatCode(() -> PasswordRules.check("mira", twelveEmoji.toCharArray(), "newPassword"))
                .as("twelve different emoji").doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("mira", "correct horse battery".toCharArray(), "newPassword"))
                .doesNotThrowAnyException();
    }

    @Test
    void theUsernameIsNoPasswordWhateverItsCase() {
        assertThatThrownBy(() -> PasswordRules.check("ci-nightly-runner", "CI-Nightly-Runner".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("username");
        assertThatThrownBy(() -> PasswordRules.check("ci-nightly-runner", " ci-nightly-runner ".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("username");
    }

    @Test
    void emptyAndHugePasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordRules.check("mira", new char[0], "password")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> PasswordRules.check("mira", null, "password")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PasswordRules.check("mira", "x".repeat(1025).toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("at most");
    }

    /** Issue 15 item 10: these were accepted (ASVS 6.2.4 common and breached passwords, trivial repetition). */
    @Test
    void commonBreachedAndRepeatedPasswordsAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> PasswordRules.check("mira", "password1234".toCharArray(), "newPassword"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("common")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("newPassword");
        assertThatThrownBy(() -> PasswordRules.check("mira", "PassWord1234".toCharArray(), "newPassword"))
                .as("case does not hide it").hasMessageContaining("common");
        assertThatThrownBy(() -> PasswordRules.check("mira", "aaaaaaaaaaaa".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> PasswordRules.check("mira", "            ".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> PasswordRules.check("mira", "abcabcabcabcabc".toCharArray(), "password"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("repeat");
    }

    @Test
    void theDemoPasswordAndOrdinaryPassphrasesStayAllowed() {
        assertThatCode(() -> PasswordRules.check("kim", "tracegate-demo".toCharArray(), "password")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("kim", "orbit lantern 42 teapot".toCharArray(), "password"))
                .doesNotThrowAnyException();
    }
}
