/**
 * User accounts with their roles and password rules, and API tokens with their scopes; accounts are
 * deactivated, never deleted, so their signatures stay attributable. Signers' authenticators
 * ({@code SigningFactor}, the second signing component no administrator can set) and the count of failed
 * signing attempts ({@code SigningLockout}). Ports: {@code PasswordHashing}, {@code OneTimeCodes} (TOTP) and
 * {@code SecretSealing} (authenticator secrets encrypted with a key outside the database).
 */
package io.tracegate.identity.domain;
