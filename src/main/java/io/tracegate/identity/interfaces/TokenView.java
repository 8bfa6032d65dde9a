package io.tracegate.identity.interfaces;

import io.tracegate.identity.domain.ApiToken;

import java.time.Instant;

/**
 * An API token's metadata; {@code token} (the secret) is present only in the answer that issued it.
 * {@code state} is ACTIVE, EXPIRED or REVOKED; an ACTIVE token of a deactivated account does not work
 * either ({@code accountActive}).
 */
public record TokenView(long id, String account, boolean accountActive, String name, String scope, String prefix,
                        String state, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
                        String revokedBy, String token) {

    static TokenView of(ApiToken token, String secret) {
        return new TokenView(token.id(), token.account().username(), token.account().isActive(), token.name(),
                token.scope().value(), token.prefix(), token.stateAt(Instant.now()).name(), token.createdAt(),
                token.createdBy(), token.expiresAt(), token.revokedAt(), token.revokedBy(), secret);
    }
}
