/**
 * The trail for those who check it: list events, verify the whole chain, and export it for offline
 * verification.
 */
package io.tracegate.trail.application;
