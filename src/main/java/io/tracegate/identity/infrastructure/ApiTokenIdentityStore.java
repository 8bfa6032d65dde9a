package io.tracegate.identity.infrastructure;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.ApiTokens;
import io.tracegate.identity.domain.TokenSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks API tokens ({@code Authorization: Bearer tg_…}): finds the row by the token's public prefix,
 * compares the SHA-256 in constant time, and accepts it while it is neither revoked nor expired and its
 * account is active. The caller is the token's account, with the account's current roles limited to
 * the token's scope, plus the group {@code token:<scope>}. Nothing is cached: revocation, expiry and
 * deactivation apply to the very next request.
 */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {

    @Inject
    ApiTokens tokens;

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<TokenSecret> presented = TokenSecret.parse(bearer.token());
        if (presented.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Instant now = Instant.now();
        for (ApiToken token : tokens.withPrefix(presented.get().prefix())) {
            if (token.isSecret(presented.get())) {
                Set<String> roles = token.grantedRolesAt(now);
                if (roles.isEmpty()) {
                    return CredentialValidationResult.INVALID_RESULT;
                }
                Set<String> groups = new TreeSet<>(roles);
                groups.add(token.scope().group());
                return new CredentialValidationResult(token.account().username(), groups);
            }
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
