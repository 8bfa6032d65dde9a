/**
 * How callers prove who they are (HTTP Basic for now, checked against the user accounts with PBKDF2
 * hashes) and the role names every endpoint and use case declares.
 */
package io.tracegate.platform.security;
