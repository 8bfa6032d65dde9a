/**
 * The HTTP edge shared by every concept: the JAX-RS application under {@code /api}, RFC 9457
 * problem+json errors (never naming a folder of the server), bounded JSON request reading with field-naming errors, role checks before a
 * request body is read, the CSRF and Origin guard for state changes, and the 503 guard while the schema
 * is not ready.
 */
package io.tracegate.platform.web;
