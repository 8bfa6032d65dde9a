/**
 * The audit package as files: a deterministic ZIP writer (stored entries, fixed order and time), the
 * traceability CSV, manifest.json, SHA256SUMS, the package builder that puts them together, and the
 * verifier that checks a package the way sha256sum, openssl and pdfsig would. Everything that exists only
 * to make a package fast lives here, behind the domain's plain {@code PackageBuilder}: the copy that starts
 * when a package is opened, the writer's threads and direct I/O, the report rendered beside the copy.
 */
package io.tracegate.audit.infrastructure.archive;
