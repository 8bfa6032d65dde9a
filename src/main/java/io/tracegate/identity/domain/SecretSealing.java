package io.tracegate.identity.domain;

/**
 * Keeps authenticator secrets unreadable to someone who has only the database: sealed (authenticated encryption)
 * with a key kept outside it, and bound to the account, so a sealed secret copied to another row does not open.
 */
public interface SecretSealing {

    String seal(byte[] secret, String username);

    /** @throws IllegalStateException when the text was not sealed for {@code username} with this key */
    byte[] open(String sealed, String username);
}
