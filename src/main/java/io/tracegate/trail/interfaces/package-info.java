/**
 * {@code /api/audit}: the events, online verification, and the JSON Lines export that
 * {@code deploy/verify-audit-trail.java} verifies offline.
 */
package io.tracegate.trail.interfaces;
