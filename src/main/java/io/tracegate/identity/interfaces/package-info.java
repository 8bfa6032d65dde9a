/**
 * The HTTP API of accounts and logins: {@code /api/users} (accounts, roles, deactivation, passwords),
 * {@code /api/users/me/authenticator} (enrolling one's own authenticator) and {@code /api/users/{name}/
 * authenticator/reset-request}, {@code /api/users/{name}/signing-lock/release}, {@code /api/tokens} (API tokens
 * for CI) and {@code /api/session} (browser login with its CSRF token).
 */
package io.tracegate.identity.interfaces;
