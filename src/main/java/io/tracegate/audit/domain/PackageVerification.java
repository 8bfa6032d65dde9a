package io.tracegate.audit.domain;

import java.util.List;

/**
 * The outcome of checking an audit package offline: each check with whether it passed and why not.
 *
 * @param signer         the subject of the certificate the package says it was signed with; null if none
 * @param manifestDigest the release manifest digest manifest.json states; null if unreadable
 */
public record PackageVerification(List<Check> checks, String signer, String manifestDigest) {

    public PackageVerification {
        checks = List.copyOf(checks);
    }

    /** @param detail what was found, most useful when the check failed */
    public record Check(String name, boolean passed, String detail) {
    }

    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
