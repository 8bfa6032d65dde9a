/**
 * Adapters for audit packages: package records and jobs on JPA, and the wiring of the package builder,
 * verifier and signing key.
 */
package io.tracegate.audit.infrastructure;
