/**
 * What every layer may know of the caller: the role names every endpoint and use case declares, how the
 * current request was authenticated, and the events by which the edges report refused logins and requests.
 * The accounts, tokens and the login mechanism themselves live in {@code io.tracegate.identity}.
 */
package io.tracegate.platform.security;
