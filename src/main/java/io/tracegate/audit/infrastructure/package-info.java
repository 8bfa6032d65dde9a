/**
 * Adapters for audit: the trail on JPA (appends serialised by a pessimistic write lock on the head row,
 * keyset pages for streaming verification and export); package records, a release's history read with
 * native SQL, and the wiring of the package builder, verifier and signing key.
 */
package io.tracegate.audit.infrastructure;
