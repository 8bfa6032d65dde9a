/**
 * Use cases around accounts: the first administrator and the demo accounts, managing accounts
 * ({@link io.tracegate.identity.application.UserDirectory}), API tokens
 * ({@link io.tracegate.identity.application.TokenRegistry}), password logins
 * ({@link io.tracegate.identity.application.Logins}), and
 * {@link io.tracegate.identity.application.PasswordCheck}, which electronic signatures use to re-check a
 * signer's password.
 */
package io.tracegate.identity.application;
