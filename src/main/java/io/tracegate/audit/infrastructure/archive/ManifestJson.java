package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageLayout;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * manifest.json: what the package is about (release, status, manifest digest, content time, generator,
 * signing certificate) and every file in it with its role. Files it can hash it lists with SHA-256 and size;
 * four it cannot: report.pdf (it embeds this manifest), manifest.json itself, SHA256SUMS and its signature
 * (they hash it). Those name what covers them instead.
 */
final class ManifestJson {

    static final String FORMAT = "tracegate-audit-package/1";

    private ManifestJson() {
    }

    static byte[] of(PackageContent content, String generator, String certificateSha256, List<HashedFile> hashed) {
        PackageContent.Summary s = content.summary();
        JsonText json = new JsonText().open()
                .field("format", FORMAT)
                .field("generator", generator)
                .open("release")
                .field("id", s.releaseId())
                .field("model", s.model())
                .field("version", s.version())
                .field("status", s.status())
                .field("reviewRound", s.reviewRound())
                .field("manifestDigest", s.manifestDigest())
                .field("manifestFrozen", s.manifestFrozen())
                .field("gateGreen", s.gateGreen())
                .close()
                .field("contentAsOf", content.asOf().toString())
                .field("signingCertificateSha256", certificateSha256)
                .openArray("files");
        unhashed(json, PackageLayout.REPORT, FileRole.REPORT, PackageLayout.SUMS, "embeds this manifest");
        unhashed(json, PackageLayout.MANIFEST, FileRole.MANIFEST, PackageLayout.SUMS, "this file");
        for (HashedFile f : hashed) {
            json.openInArray().field("path", f.path()).field("role", f.role().slug()).field("sha256", f.sha256())
                    .field("size", f.size()).field("originalName", f.originalName()).close();
        }
        unhashed(json, PackageLayout.SUMS, FileRole.CHECKSUMS, PackageLayout.SUMS_SIGNATURE, "lists the SHA-256 of every "
                + "file but itself and its signature");
        unhashed(json, PackageLayout.SUMS_SIGNATURE, FileRole.CHECKSUMS_SIGNATURE, null,
                "detached CMS signature over SHA256SUMS, made with " + PackageLayout.CERTIFICATE);
        return json.closeArray().close().text().getBytes(StandardCharsets.UTF_8);
    }

    private static void unhashed(JsonText json, String path, FileRole role, String coveredBy, String note) {
        json.openInArray().field("path", path).field("role", role.slug()).field("coveredBy", coveredBy)
                .field("note", note).close();
    }
}
