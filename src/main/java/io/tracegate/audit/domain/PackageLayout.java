package io.tracegate.audit.domain;

import java.util.List;

/**
 * Where each file lies in an audit package. Stored files keep their bytes but get a path of safe characters
 * under a directory named by their id: uploaders' names may hold blanks, quotes or right-to-left marks that
 * {@code unzip} and {@code sha256sum -c} would trip over, and two items may share a name. The original
 * name is in manifest.json and the report.
 */
public final class PackageLayout {

    public static final String REPORT = "report.pdf";
    public static final String MANIFEST = "manifest.json";
    public static final String RELEASE_MANIFEST = "release-manifest.txt";
    public static final String TRACEABILITY = "traceability.csv";
    public static final String CERTIFICATE = "signing-cert.pem";
    public static final String SUMS = "SHA256SUMS";
    public static final String SUMS_SIGNATURE = "SHA256SUMS.sig";

    /**
     * The files every package has besides the stored ones. They are written in this order, the stored files
     * between the certificate and the report, whose rendering overlaps with copying them.
     */
    public static final List<String> GENERATED = List.of(MANIFEST, RELEASE_MANIFEST, TRACEABILITY, CERTIFICATE, REPORT);

    static final int MAX_NAME = 120;

    private PackageLayout() {
    }

    public static String artifactPath(long artifactId, String fileName) {
        return "evidence/artifacts/" + artifactId + "/" + safe(fileName);
    }

    public static String evidencePath(long evidenceId, String fileName) {
        return "evidence/" + evidenceId + "/" + safe(fileName);
    }

    /** Letters, digits, '.', '_' and '-' kept, anything else '_'; never empty, never starting with '.'. */
    static String safe(String fileName) {
        StringBuilder out = new StringBuilder();
        fileName.codePoints().limit(MAX_NAME).forEach(c -> out.append(
                c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? (char) c : '_'));
        if (out.length() == 0 || out.charAt(0) == '.') {
            out.insert(0, '_');
        }
        return out.toString();
    }
}
