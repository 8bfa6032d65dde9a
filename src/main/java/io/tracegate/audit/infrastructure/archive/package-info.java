/**
 * The audit package as files: a deterministic ZIP writer (stored entries, fixed order and time), the
 * traceability CSV, manifest.json, SHA256SUMS, the package builder that puts them together, and the
 * verifier that checks a package the way sha256sum, openssl and pdfsig would.
 */
package io.tracegate.audit.infrastructure.archive;
