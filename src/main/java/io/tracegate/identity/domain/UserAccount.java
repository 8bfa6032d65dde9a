package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.security.Roles;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person (or CI service account) who logs in; holds only a password hash, never the password.
 * Accounts are deactivated, never deleted, so the signatures and records they made stay attributable
 * to a printed name.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    /** {@code /api/users/me} means the caller, so nobody may be called that. */
    private static final Set<String> RESERVED = Set.of("me");

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "deactivated_by", length = 64)
    private String deactivatedBy;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected UserAccount() {
    }

    /** @param passwordHash a hash from the password hasher, never a clear-text password */
    public static UserAccount create(String username, String displayName, String passwordHash, Set<String> roles,
                                     Instant at) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (RESERVED.contains(username)) {
            throw new InvalidInput("username", "'" + username + "' is reserved");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200
                || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("printedName", "the printed name is required (at most 200 characters, no control characters)");
        }
        checkRoles(roles);
        UserAccount account = new UserAccount();
        account.username = username;
        account.displayName = displayName.strip();
        account.passwordHash = passwordHash;
        account.roles = new TreeSet<>(roles);
        account.active = true;
        account.createdAt = at;
        account.passwordChangedAt = at;
        return account;
    }

    /** @throws InvalidInput unless {@code roles} is a non-empty set of Tracegate roles */
    public static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.all().containsAll(roles)) {
            throw new InvalidInput("roles", "must be one or more of " + Roles.all());
        }
    }

    /** Ends the account for good: it cannot log in by any means; its records keep its name. Idempotent. */
    public void deactivate(String by, Instant at) {
        if (!active) {
            return;
        }
        this.active = false;
        this.deactivatedBy = by;
        this.deactivatedAt = at;
    }

    public void changeRoles(Set<String> newRoles) {
        checkRoles(newRoles);
        roles.clear();
        roles.addAll(newRoles);
    }

    /** A password the user chose themselves (after proving the current one): good for signing. */
    public void passwordChosen(String hash, Instant at) {
        this.passwordHash = hash;
        this.passwordChangedAt = at;
        this.passwordChangeRequired = false;
    }

    /**
     * A password someone else set (an administrator creating the account or resetting it): it logs in,
     * but never signs until the user has chosen their own.
     */
    public void passwordAssigned(String hash, Instant at) {
        this.passwordHash = hash;
        this.passwordChangedAt = at;
        this.passwordChangeRequired = true;
    }

    /**
     * A short digest of the stored hash. A browser session remembers it at login and is refused once
     * it differs, so changing or resetting a password ends every other session of the account.
     */
    public String credentialStamp() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public String deactivatedBy() {
        return deactivatedBy;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }
}
