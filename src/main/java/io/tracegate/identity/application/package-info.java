/**
 * Use cases around accounts: the first administrator and the demo accounts, managing accounts
 * ({@link io.tracegate.identity.application.UserDirectory}), API tokens
 * ({@link io.tracegate.identity.application.TokenRegistry}), password logins
 * ({@link io.tracegate.identity.application.Logins}), and
 * {@link io.tracegate.identity.application.PasswordCheck}; the signers' authenticators (enrolment by their
 * owner, resets by two other people, releasing a signing lock), and
 * {@link io.tracegate.identity.application.SignerAttestation}, which electronic signatures use to check a
 * signer's two components and count failed attempts.
 */
package io.tracegate.identity.application;
