/**
 * Audit: the append-only, hash-chained trail of every change, and the signed, reproducible audit packages
 * auditors download.
 */
package io.tracegate.audit;
