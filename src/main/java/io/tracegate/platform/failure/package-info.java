/**
 * The failures a use case can report, in the users' terms (bad input, unknown thing, conflict).
 * Free of HTTP: the web layer maps each one to a status and a problem+json body.
 */
package io.tracegate.platform.failure;
