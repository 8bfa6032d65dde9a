/**
 * The audit trail's model (what an event says, how events chain, how a chain is verified) and the audit
 * package's: its content as plain values, its layout, the package record, and the ports that build, verify
 * and read the release's history.
 */
package io.tracegate.audit.domain;
