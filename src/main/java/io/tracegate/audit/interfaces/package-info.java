/**
 * The audit package API: generate, list and download a release's packages, follow a package job, and
 * verify an uploaded package.
 */
package io.tracegate.audit.interfaces;
