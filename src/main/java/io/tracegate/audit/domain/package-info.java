/** The audit trail's model: what an event says, how events chain, how a chain is verified. */
package io.tracegate.audit.domain;
