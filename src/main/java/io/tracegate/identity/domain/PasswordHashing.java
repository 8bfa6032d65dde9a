package io.tracegate.identity.domain;

/** The port to the password hash: how a password becomes the hash an account keeps, and how one is checked. */
public interface PasswordHashing {

    /** A new salted hash of the password, in a self-describing text form. */
    String hash(char[] password);

    boolean matches(char[] password, String hash);

    /**
     * Spends the time of one password check and answers false: for unknown and deactivated accounts, so
     * the response time does not tell which usernames exist.
     */
    boolean matchesNothing(char[] password);
}
