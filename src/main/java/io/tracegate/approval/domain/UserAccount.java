package io.tracegate.approval.domain;

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

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A person (or CI service account) who logs in; holds only a password hash, never the password. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

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
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidInput("displayName", "the printed name is required (at most 200 characters)");
        }
        if (roles == null || roles.isEmpty() || !Roles.all().containsAll(roles)) {
            throw new InvalidInput("roles", "must be one or more of " + Roles.all());
        }
        UserAccount account = new UserAccount();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = passwordHash;
        account.roles = new TreeSet<>(roles);
        account.active = true;
        account.createdAt = at;
        return account;
    }

    public void deactivate() {
        this.active = false;
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
}
