package io.tracegate.identity.domain;

import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An API token of an account, for CI: hashed at rest, limited to a scope, expiring, revocable. The row
 * outlives revocation (never deleted) so that what was done with the token stays explainable.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** The longest a token may live; CI secrets are rotated at least yearly. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "account_id", nullable = false)
    private UserAccount account;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TokenScope scope;

    @Column(nullable = false, length = 12)
    private String prefix;

    @Column(name = "secret_sha256", nullable = false, length = 64)
    private String secretSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected ApiToken() {
    }

    /**
     * A new token for {@code account}; only the secret's hash and prefix are kept.
     *
     * @throws InvalidInput when the name is blank, the expiry is not in (now, now + 366 days]
     * @throws Conflict     when the account is deactivated or holds none of the roles the scope grants
     */
    public static ApiToken issue(UserAccount account, String name, TokenScope scope, Instant expiresAt,
                                 TokenSecret secret, String issuedBy, Instant now) {
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "a name saying where the token is used is required (at most 200 characters)");
        }
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInput("expiresAt", "must lie in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidInput("expiresAt", "a token lives at most " + MAX_LIFETIME.toDays() + " days");
        }
        if (!account.isActive()) {
            throw new Conflict("account", "the account '" + account.username() + "' is deactivated");
        }
        if (scope.grantedRoles(account.roles()).isEmpty()) {
            throw new Conflict("scope", "the account '" + account.username() + "' holds none of the roles the scope '"
                    + scope.value() + "' grants " + scope.grantableRoles());
        }
        ApiToken token = new ApiToken();
        token.account = account;
        token.name = name.strip();
        token.scope = scope;
        token.prefix = secret.prefix();
        token.secretSha256 = secret.sha256();
        token.createdAt = now;
        token.createdBy = issuedBy;
        token.expiresAt = expiresAt;
        return token;
    }

    public TokenState stateAt(Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        return now.isBefore(expiresAt) ? TokenState.ACTIVE : TokenState.EXPIRED;
    }

    /** Whether {@code presented} is this token's secret (constant-time comparison of the hashes). */
    public boolean isSecret(TokenSecret presented) {
        return presented.matches(secretSha256);
    }

    /**
     * The roles a request authenticated with this token gets right now: the account's current roles
     * within the scope; none when the token is revoked or expired or the account is deactivated.
     */
    public Set<String> grantedRolesAt(Instant now) {
        if (stateAt(now) != TokenState.ACTIVE || !account.isActive()) {
            return Set.of();
        }
        return scope.grantedRoles(account.roles());
    }

    /** Idempotent: revoking a revoked token keeps the first revocation. */
    public void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public Long id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    public String name() {
        return name;
    }

    public TokenScope scope() {
        return scope;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }
}
