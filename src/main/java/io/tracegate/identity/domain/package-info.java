/**
 * User accounts with their roles and password rules, and API tokens with their scopes; accounts are
 * deactivated, never deleted, so their signatures stay attributable. {@code PasswordHashing} is the port
 * through which use cases hash and check passwords.
 */
package io.tracegate.identity.domain;
