package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.PackageVerification;
import io.tracegate.audit.domain.PackageVerification.Check;
import io.tracegate.audit.domain.PackageVerifier;
import io.tracegate.audit.infrastructure.report.ReportSignatureCheck;
import io.tracegate.audit.infrastructure.signing.CmsSignatures;
import io.tracegate.audit.infrastructure.signing.Pem;
import io.tracegate.audit.infrastructure.signing.SigningKey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a package ZIP without trusting it, as an auditor would with unzip, sha256sum -c, openssl cms
 * -verify and pdfsig, and names every check that fails and why: the archive (no duplicate, hidden or unsafe
 * names), SHA256SUMS against every entry (nothing unlisted, nothing missing), the CMS signature over
 * SHA256SUMS with the included certificate, the PDF signature, and manifest.json against the entries, the
 * attached copy in the report and the release manifest. Trusting the certificate is the auditor's decision;
 * the outcome names it.
 */
public final class ZipPackageVerifier implements PackageVerifier {

    static final int SHOWN = 5;

    @Override
    public PackageVerification verify(Path zip) {
        Path reportCopy = null;
        try {
            reportCopy = Files.createTempFile(zip.toAbsolutePath().getParent(), "verify-report-", ".pdf");
            return verify(ZipScan.scan(zip, reportCopy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file to verify the package", e);
        } finally {
            if (reportCopy != null) {
                try {
                    Files.deleteIfExists(reportCopy);
                } catch (IOException ignored) {
                    // work file in the staging area; swept
                }
            }
        }
    }

    private PackageVerification verify(ZipScan.Result zip) {
        List<Check> checks = new ArrayList<>();
        checks.add(archive(zip));
        if (zip.problem() != null) {
            return new PackageVerification(checks, null, null);
        }
        Optional<Map<String, String>> sums = sums(zip, checks);
        sums.ifPresent(listed -> {
            checks.add(listedMatch(zip, listed));
            checks.add(nothingUnlisted(zip, listed));
        });
        Optional<X509Certificate> certificate = certificate(zip, checks);
        checks.add(cms(zip, certificate));
        ReportSignatureCheck.Outcome pdf = zip.report() == null
                ? new ReportSignatureCheck.Outcome("the package has no " + PackageLayout.REPORT, Optional.empty(), Optional.empty())
                : ReportSignatureCheck.check(zip.report());
        checks.add(pdf(pdf, certificate));
        ManifestCheck manifest = ManifestCheck.of(zip, pdf.attachedManifest(), certificate);
        checks.add(manifest.check());
        return new PackageVerification(checks, certificate.map(c -> c.getSubjectX500Principal().getName()).orElse(null),
                manifest.manifestDigest());
    }

    private static Check archive(ZipScan.Result zip) {
        String name = "archive: readable, no duplicate, hidden or unsafe entry names";
        if (zip.problem() != null) {
            return new Check(name, false, zip.problem());
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicates = zip.centralNames().stream().filter(n -> !seen.add(n)).distinct().toList();
        if (!duplicates.isEmpty()) {
            return new Check(name, false, "duplicate entry names: " + shown(duplicates));
        }
        if (!zip.centralNames().equals(zip.localNames())) {
            return new Check(name, false, "the central directory lists " + zip.centralNames().size()
                    + " entries but the archive holds " + zip.localNames().size() + " (or in another order): entries "
                    + "hidden from one of them");
        }
        List<String> unsafe = zip.centralNames().stream().filter(n -> !safe(n)).toList();
        if (!unsafe.isEmpty()) {
            return new Check(name, false, "entry names that would write outside the folder or are directories: "
                    + shown(unsafe));
        }
        return new Check(name, true, zip.centralNames().size() + " entries");
    }

    /** A relative path of non-empty segments, no '..', no backslash, not a directory entry. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0 || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Map<String, String>> sums(ZipScan.Result zip, List<Check> checks) {
        String name = "SHA256SUMS: present and in sha256sum format";
        byte[] text = zip.control().get(PackageLayout.SUMS);
        if (text == null) {
            checks.add(new Check(name, false, "the package has no " + PackageLayout.SUMS));
            return Optional.empty();
        }
        try {
            Map<String, String> listed = Sha256Sums.parse(text);
            checks.add(new Check(name, true, listed.size() + " files listed"));
            return Optional.of(listed);
        } catch (IllegalArgumentException e) {
            checks.add(new Check(name, false, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Check listedMatch(ZipScan.Result zip, Map<String, String> listed) {
        List<String> problems = new ArrayList<>();
        listed.forEach((path, digest) -> {
            String actual = zip.digests().get(path);
            if (actual == null) {
                problems.add(path + " is listed but missing from the package");
            } else if (!actual.equals(digest)) {
                problems.add(path + " hashes to " + actual + ", SHA256SUMS says " + digest);
            }
        });
        return new Check("SHA256SUMS: every listed file is present and matches", problems.isEmpty(),
                problems.isEmpty() ? listed.size() + " files match" : shown(problems));
    }

    private static Check nothingUnlisted(ZipScan.Result zip, Map<String, String> listed) {
        Set<String> unlisted = new LinkedHashSet<>(zip.centralNames());
        unlisted.removeAll(listed.keySet());
        unlisted.remove(PackageLayout.SUMS);
        unlisted.remove(PackageLayout.SUMS_SIGNATURE);
        return new Check("SHA256SUMS: no unlisted entry", unlisted.isEmpty(),
                unlisted.isEmpty() ? "every entry is listed" : "not in SHA256SUMS: " + shown(List.copyOf(unlisted)));
    }

    private static Optional<X509Certificate> certificate(ZipScan.Result zip, List<Check> checks) {
        String name = PackageLayout.CERTIFICATE + ": a certificate";
        byte[] pem = zip.control().get(PackageLayout.CERTIFICATE);
        if (pem == null) {
            checks.add(new Check(name, false, "the package has no " + PackageLayout.CERTIFICATE));
            return Optional.empty();
        }
        try {
            List<X509Certificate> chain = Pem.certificates(pem);
            if (chain.isEmpty()) {
                checks.add(new Check(name, false, "no certificate in it"));
                return Optional.empty();
            }
            X509Certificate signer = chain.get(0);
            checks.add(new Check(name, true, signer.getSubjectX500Principal().getName() + ", SHA-256 "
                    + SigningKey.fingerprint(signer) + "; whether to trust it is your decision"));
            return Optional.of(signer);
        } catch (CertificateException e) {
            checks.add(new Check(name, false, "not a PEM certificate: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Check cms(ZipScan.Result zip, Optional<X509Certificate> certificate) {
        String name = "SHA256SUMS.sig: CMS signature over SHA256SUMS by the included certificate";
        byte[] signature = zip.control().get(PackageLayout.SUMS_SIGNATURE);
        byte[] sums = zip.control().get(PackageLayout.SUMS);
        if (signature == null || sums == null) {
            return new Check(name, false, "the package lacks " + (signature == null ? PackageLayout.SUMS_SIGNATURE
                    : PackageLayout.SUMS));
        }
        CmsSignatures.Outcome outcome = CmsSignatures.verifyDetached(signature, new ByteArrayInputStream(sums));
        return signedBy(name, outcome.problem(), outcome.signer(), certificate);
    }

    private static Check pdf(ReportSignatureCheck.Outcome outcome, Optional<X509Certificate> certificate) {
        return signedBy("report.pdf: PDF signature valid over the whole file, by the included certificate",
                outcome.problem(), outcome.signer(), certificate);
    }

    private static Check signedBy(String name, String problem, Optional<X509Certificate> signer,
                                  Optional<X509Certificate> certificate) {
        if (problem != null) {
            return new Check(name, false, problem);
        }
        if (certificate.isEmpty() || signer.isEmpty() || !signer.get().equals(certificate.get())) {
            return new Check(name, false, "valid, but signed by " + signer.map(c -> c.getSubjectX500Principal().getName())
                    .orElse("an unknown certificate") + ", not by the one in " + PackageLayout.CERTIFICATE);
        }
        return new Check(name, true, "valid");
    }

    static String shown(List<String> items) {
        String first = String.join("; ", items.subList(0, Math.min(SHOWN, items.size())));
        return items.size() > SHOWN ? first + " (and " + (items.size() - SHOWN) + " more)" : first;
    }
}
