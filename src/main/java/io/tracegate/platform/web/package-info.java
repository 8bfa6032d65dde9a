/**
 * The HTTP edge shared by every concept: the JAX-RS application under {@code /api}, RFC 9457
 * problem+json errors (never naming a folder of the server), bounded JSON request reading with field-naming errors, role checks before a
 * request body is read, the CSRF and Origin guard for state changes, and the 503 guard while the schema
 * is not ready; the servlet edge around it: requests without a login admitted in bounded number with their
 * bodies read in bounded time, {@code /metrics} behind a login, Tracegate's own error page and Server header.
 */
package io.tracegate.platform.web;
