/**
 * Persistence of evidence through JPA: {@link io.tracegate.evidence.infrastructure.jpa.JpaEvidenceItems}
 * keeps evidence items, reviews and links as entities, and their metrics and test cases (up to hundreds
 * of thousands per release) as plain JDBC batches and projections ({@code EvidenceRows}) on the same
 * transaction's connection.
 */
package io.tracegate.evidence.infrastructure.jpa;
