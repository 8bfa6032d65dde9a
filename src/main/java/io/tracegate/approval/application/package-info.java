/**
 * Use cases around accounts: the first administrator and the demo accounts, managing accounts
 * ({@link io.tracegate.approval.application.UserDirectory}), API tokens
 * ({@link io.tracegate.approval.application.TokenRegistry}), browser logins, and
 * {@link io.tracegate.approval.application.PasswordCheck}, the API electronic signatures use.
 */
package io.tracegate.approval.application;
