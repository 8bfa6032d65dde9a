/**
 * {@code /api/audit}: the events, online verification, and the JSON Lines export that
 * {@code deploy/verify-audit-trail.java} verifies offline; and the audit package API: generate, list and
 * download a release's packages, and verify an uploaded one.
 */
package io.tracegate.audit.interfaces;
