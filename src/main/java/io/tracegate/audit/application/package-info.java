/**
 * Audit package use cases: reading a release's whole state into a package's content, generating, storing,
 * listing and downloading packages (each download an audit event), and verifying an uploaded package.
 */
package io.tracegate.audit.application;
