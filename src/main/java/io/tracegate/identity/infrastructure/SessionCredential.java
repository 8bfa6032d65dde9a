package io.tracegate.identity.infrastructure;

import jakarta.security.enterprise.credential.Credential;

/**
 * What a browser session remembers of its login: the username and the credential stamp of the account
 * when the password was checked. The identity store accepts it while the account is active and its
 * stamp unchanged, so deactivating the account or changing its password ends the session.
 */
public record SessionCredential(String username, String stamp) implements Credential {
}
