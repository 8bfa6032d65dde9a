/**
 * Audit: the append-only, hash-chained trail of every change, and (later) the audit packages auditors
 * download.
 */
package io.tracegate.audit;
