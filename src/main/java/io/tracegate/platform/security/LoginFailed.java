package io.tracegate.platform.security;

/**
 * A CDI event fired when a login is refused (unknown user, wrong password, deactivated account, bad or
 * revoked token), so the audit trail can record the attempt without the login mechanism depending on it.
 *
 * @param name    the user name or token prefix tried
 * @param address the client's address
 * @param why     why it was refused
 */
public record LoginFailed(String name, String address, String why) {
}
