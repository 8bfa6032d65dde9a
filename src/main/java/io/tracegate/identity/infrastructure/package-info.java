/**
 * How callers prove who they are, on Jakarta Security: the login mechanism (HTTP Basic, API tokens as
 * Bearer, browser sessions), the identity stores that check them against the accounts, the session cookie
 * and the login throttle; JPA storage of accounts, API tokens, authenticators and failed-signing counts, PBKDF2
 * password hashing, TOTP codes (java-otp), AES-GCM sealing of authenticator secrets and the enrolment QR code
 * (zxing).
 */
package io.tracegate.identity.infrastructure;
