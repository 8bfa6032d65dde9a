/**
 * How callers prove who they are, on Jakarta Security: the login mechanism (HTTP Basic, API tokens as
 * Bearer, browser sessions), the identity stores that check them against the accounts, the session cookie
 * and the login throttle; JPA storage of accounts and API tokens, and PBKDF2 password hashing.
 */
package io.tracegate.identity.infrastructure;
