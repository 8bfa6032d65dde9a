package io.tracegate.identity.application;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.ApiTokens;
import io.tracegate.identity.domain.TokenScope;
import io.tracegate.identity.domain.TokenSecret;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.paging.Page;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Instant;

import static io.tracegate.platform.security.Roles.ADMIN;

/** Administrators issue, list and revoke the API tokens of (service) accounts. */
@Stateless
public class TokenRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiTokens tokens;

    @Inject
    UserAccounts accounts;

    @Inject
    AccountAudit audit;

    @Resource
    SessionContext caller;

    /** Issues a token for {@code accountName}; the secret in the answer is never shown again. */
    @RolesAllowed(ADMIN)
    public IssuedToken issue(String accountName, String name, TokenScope scope, Instant expiresAt) {
        UserAccount account = accounts.named(accountName)
                .orElseThrow(() -> new InvalidInput("account", "no account named '" + accountName + "'"));
        TokenSecret secret = TokenSecret.generate(RANDOM);
        ApiToken token = ApiToken.issue(account, name, scope, expiresAt, secret, me(), Instant.now());
        tokens.add(token);
        audit.record(me(), "token.issue", "api-token", String.valueOf(token.id()), null,
                "account=" + account.username() + "; scope=" + scope.value() + "; prefix=" + token.prefix()
                        + "; expiresAt=" + expiresAt, null);
        return new IssuedToken(token, secret);
    }

    @RolesAllowed(ADMIN)
    public Page<ApiToken> list(int offset, int limit) {
        return new Page<>(tokens.page(offset, limit), offset, limit, tokens.count());
    }

    @RolesAllowed(ADMIN)
    public ApiToken get(long id) {
        return tokens.byId(id).orElseThrow(() -> new NoSuchEntity("API token", id));
    }

    /** Revokes the token: it fails from its next request on. The row stays. Idempotent. */
    @RolesAllowed(ADMIN)
    public ApiToken revoke(long id) {
        ApiToken token = get(id);
        if (token.revokedAt() == null) {
            token.revoke(me(), Instant.now());
            audit.record(me(), "token.revoke", "api-token", String.valueOf(id), null, "revoked", null);
        }
        return token;
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
