/** Reading, verifying and exporting the audit trail, for auditors, safety managers and administrators. */
package io.tracegate.audit.application;
