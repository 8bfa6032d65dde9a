package io.tracegate.audit.domain;

import java.util.Locale;

/** What a file in an audit package is for; manifest.json names it in kebab case. */
public enum FileRole {
    REPORT, MANIFEST, RELEASE_MANIFEST, TRACEABILITY, SIGNING_CERTIFICATE, ARTIFACT, EVIDENCE, CHECKSUMS,
    CHECKSUMS_SIGNATURE;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
