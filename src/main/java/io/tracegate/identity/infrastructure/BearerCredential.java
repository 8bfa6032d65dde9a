package io.tracegate.identity.infrastructure;

import jakarta.security.enterprise.credential.Credential;

/**
 * An API token presented as {@code Authorization: Bearer <token>}; an identity store of the accounts
 * checks it. {@link #toString()} never shows the secret.
 */
public final class BearerCredential implements Credential {

    private final String token;

    public BearerCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "BearerCredential[…]";
    }
}
