package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    @Test
    void twelveCharactersAreEnoughElevenAreNot() {
        assertThatCode(() -> PasswordRules.check("mira", "abcdefghijkl".toCharArray(), "password")).doesNotThrowAnyException();
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
        assertThatCode(() -> PasswordRules.check("mira", "\uD83D\uDE00".repeat(12).toCharArray(), "newPassword"))
                .doesNotThrowAnyException();
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
}
