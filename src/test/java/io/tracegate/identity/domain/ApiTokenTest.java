package io.tracegate.identity.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static UserAccount account(String... roles) {
        return UserAccount.create("ci-nightly", "CI nightly", "hash", Set.of(roles), NOW);
    }

    private static ApiToken token(UserAccount account, Instant expiresAt) {
        return ApiToken.issue(account, "gitlab nightly", TokenScope.UPLOAD, expiresAt, TokenSecret.generate(RANDOM),
                "admin", NOW);
    }

    @Test
    void anIssuedTokenKeepsOnlyTheHashAndPrefixAndMatchesItsSecret() {
        TokenSecret secret = TokenSecret.generate(RANDOM);
        ApiToken token = ApiToken.issue(account(Roles.ML_ENGINEER), "gitlab nightly", TokenScope.UPLOAD,
                NOW.plus(Duration.ofDays(30)), secret, "admin", NOW);
        assertThat(token.prefix()).isEqualTo(secret.prefix());
        assertThat(token.isSecret(secret)).isTrue();
        assertThat(token.isSecret(TokenSecret.generate(RANDOM))).isFalse();
        assertThat(token.createdBy()).isEqualTo("admin");
    }

    @Test
    void aTokenWorksUntilItExpiresAndNotAtTheInstantOfExpiry() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        ApiToken token = token(account(Roles.ML_ENGINEER), expiry);
        assertThat(token.stateAt(NOW)).isEqualTo(TokenState.ACTIVE);
        assertThat(token.stateAt(expiry.minusMillis(1))).isEqualTo(TokenState.ACTIVE);
        assertThat(token.stateAt(expiry)).isEqualTo(TokenState.EXPIRED);
        assertThat(token.grantedRolesAt(expiry.minusMillis(1))).containsExactly(Roles.ML_ENGINEER);
        assertThat(token.grantedRolesAt(expiry)).isEmpty();
    }

    @Test
    void aRevokedTokenGrantsNothingAndKeepsItsFirstRevocation() {
        ApiToken token = token(account(Roles.ML_ENGINEER), NOW.plus(Duration.ofDays(1)));
        token.revoke("admin", NOW.plusSeconds(5));
        token.revoke("someone-else", NOW.plusSeconds(50));
        assertThat(token.stateAt(NOW.plusSeconds(6))).isEqualTo(TokenState.REVOKED);
        assertThat(token.grantedRolesAt(NOW.plusSeconds(6))).isEmpty();
        assertThat(token.revokedBy()).isEqualTo("admin");
        assertThat(token.revokedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void theUploadScopeGrantsOnlyMlEngineerWhateverElseTheAccountHolds() {
        UserAccount everything = account(Roles.ADMIN, Roles.ML_ENGINEER, Roles.SAFETY_ENGINEER, Roles.APPROVER,
                Roles.SAFETY_MANAGER, Roles.AUDITOR);
        ApiToken token = token(everything, NOW.plus(Duration.ofDays(1)));
        assertThat(token.grantedRolesAt(NOW)).containsExactly(Roles.ML_ENGINEER);
        assertThat(TokenScope.UPLOAD.grantableRoles()).containsExactly(Roles.ML_ENGINEER);
        assertThat(TokenScope.UPLOAD.group()).isEqualTo("token:upload");
        assertThat(TokenScope.parse("scope", "upload")).isEqualTo(TokenScope.UPLOAD);
        assertThatThrownBy(() -> TokenScope.parse("scope", "admin")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("upload");
    }

    @Test
    void aTokenFollowsTheAccountsCurrentRolesAndDiesWithTheAccount() {
        UserAccount account = account(Roles.ML_ENGINEER, Roles.APPROVER);
        ApiToken token = token(account, NOW.plus(Duration.ofDays(1)));
        account.changeRoles(Set.of(Roles.APPROVER));
        assertThat(token.grantedRolesAt(NOW)).as("no longer an ML engineer").isEmpty();
        account.changeRoles(Set.of(Roles.ML_ENGINEER));
        assertThat(token.grantedRolesAt(NOW)).containsExactly(Roles.ML_ENGINEER);
        account.deactivate("admin", NOW);
        assertThat(token.grantedRolesAt(NOW)).as("deactivated account").isEmpty();
    }

    @Test
    void issuingChecksNameExpiryAccountAndScope() {
        UserAccount ml = account(Roles.ML_ENGINEER);
        assertThatThrownBy(() -> token(ml, NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("future");
        assertThatThrownBy(() -> token(ml, NOW.plus(Duration.ofDays(367)))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("366");
        assertThat(token(ml, NOW.plus(Duration.ofDays(366))).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(366)));
        assertThatThrownBy(() -> ApiToken.issue(ml, " ", TokenScope.UPLOAD, NOW.plusSeconds(60),
                TokenSecret.generate(RANDOM), "admin", NOW)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> token(account(Roles.AUDITOR), NOW.plusSeconds(60))).isInstanceOf(Conflict.class)
                .hasMessageContaining("none of the roles");
        UserAccount gone = account(Roles.ML_ENGINEER);
        gone.deactivate("admin", NOW);
        assertThatThrownBy(() -> token(gone, NOW.plusSeconds(60))).isInstanceOf(Conflict.class)
                .hasMessageContaining("deactivated");
    }
}
