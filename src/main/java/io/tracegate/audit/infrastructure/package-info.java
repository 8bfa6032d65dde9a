/**
 * Adapters for audit packages: JPA persistence of package records, the audit trail read with native SQL for
 * a release's history, and the wiring of the package builder, verifier and signing key.
 */
package io.tracegate.audit.infrastructure;
