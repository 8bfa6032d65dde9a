/**
 * The package signing key (a configured PKCS#12 keystore, or a self-signed one created in the data
 * directory) and detached CMS signatures with BouncyCastle: deterministic (RSA PKCS#1 v1.5, no signing
 * time), PAdES baseline-B attributes, and their verification.
 */
package io.tracegate.audit.infrastructure.signing;
