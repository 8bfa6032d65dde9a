/**
 * JPA storage of accounts and API tokens, PBKDF2 password hashing, and the Jakarta Security identity
 * stores that check passwords, browser sessions and API tokens against them.
 */
package io.tracegate.approval.infrastructure;
