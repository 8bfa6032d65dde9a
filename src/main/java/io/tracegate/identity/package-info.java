/**
 * Who is calling: user accounts with their roles, API tokens, password logins, browser sessions and the
 * throttle on password guessing; the signers' authenticators and the lock on repeated failed signing
 * attempts. Above the trail (account changes are audit events) and below every concept that asks who did
 * something.
 */
package io.tracegate.identity;
