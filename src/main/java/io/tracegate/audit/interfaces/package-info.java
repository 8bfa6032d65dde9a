/**
 * The audit package API: generate, list and download a release's packages, and verify an uploaded one.
 */
package io.tracegate.audit.interfaces;
