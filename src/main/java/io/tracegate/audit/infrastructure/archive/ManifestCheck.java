package io.tracegate.audit.infrastructure.archive;

import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.PackageVerification.Check;
import io.tracegate.audit.infrastructure.signing.SigningKey;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * manifest.json against the package: it lists exactly the entries there are, the digests and sizes it
 * states are the entries', the copy attached to report.pdf is the same bytes, release-manifest.txt hashes to
 * the manifest digest it states, and it names the included certificate.
 */
final class ManifestCheck {

    static final String NAME = "manifest.json: consistent with the entries, the report and the release manifest";

    private final Check check;
    private final String manifestDigest;

    private ManifestCheck(Check check, String manifestDigest) {
        this.check = check;
        this.manifestDigest = manifestDigest;
    }

    Check check() {
        return check;
    }

    String manifestDigest() {
        return manifestDigest;
    }

    static ManifestCheck of(ZipScan.Result zip, Optional<byte[]> attached, Optional<X509Certificate> certificate) {
        byte[] bytes = zip.control().get(PackageLayout.MANIFEST);
        if (bytes == null) {
            return failed("the package has no " + PackageLayout.MANIFEST, null);
        }
        JsonObject manifest;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            manifest = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            return failed("not a JSON object: " + e.getMessage(), null);
        }
        List<String> problems = new ArrayList<>();
        String digest = null;
        try {
            if (!ManifestJson.FORMAT.equals(manifest.getString("format", null))) {
                problems.add("format is not " + ManifestJson.FORMAT);
            }
            digest = manifest.getJsonObject("release").getString("manifestDigest");
            files(manifest, zip, problems);
            if (attached.isEmpty()) {
                problems.add("report.pdf carries no manifest.json attachment");
            } else if (!Arrays.equals(attached.get(), bytes)) {
                problems.add("the manifest.json attached to report.pdf differs from the package's");
            }
            byte[] releaseManifest = zip.control().get(PackageLayout.RELEASE_MANIFEST);
            String actual = releaseManifest == null ? null
                    : HexFormat.of().formatHex(HashedFile.digester().digest(releaseManifest));
            if (!digest.equals(actual)) {
                problems.add(PackageLayout.RELEASE_MANIFEST + " hashes to " + actual + ", not to the manifest digest " + digest);
            }
            String fingerprint = manifest.getString("signingCertificateSha256", null);
            if (certificate.isPresent() && !SigningKey.fingerprint(certificate.get()).equals(fingerprint)) {
                problems.add("it names certificate " + fingerprint + ", but " + PackageLayout.CERTIFICATE + " is "
                        + SigningKey.fingerprint(certificate.get()));
            }
        } catch (NullPointerException | ClassCastException e) {
            problems.add("a required field is missing or of the wrong type");
        }
        if (!problems.isEmpty()) {
            return failed(ZipPackageVerifier.shown(problems), digest);
        }
        return new ManifestCheck(new Check(NAME, true, "release manifest digest " + digest), digest);
    }

    private static void files(JsonObject manifest, ZipScan.Result zip, List<String> problems) {
        Set<String> listed = new HashSet<>();
        for (JsonValue value : manifest.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            String path = file.getString("path");
            if (!listed.add(path)) {
                problems.add(path + " is listed twice");
            }
            if (!zip.digests().containsKey(path)) {
                problems.add(path + " is listed but not in the package");
                continue;
            }
            if (file.containsKey("sha256") && !file.getString("sha256").equals(zip.digests().get(path))) {
                problems.add(path + " hashes to " + zip.digests().get(path) + ", manifest.json says "
                        + file.getString("sha256"));
            }
            if (file.containsKey("size") && file.getJsonNumber("size").longValue() != zip.sizes().get(path)) {
                problems.add(path + " has " + zip.sizes().get(path) + " bytes, manifest.json says "
                        + file.getJsonNumber("size"));
            }
        }
        for (String entry : zip.centralNames()) {
            if (!listed.contains(entry)) {
                problems.add(entry + " is in the package but not in manifest.json");
            }
        }
    }

    private static ManifestCheck failed(String detail, String digest) {
        return new ManifestCheck(new Check(NAME, false, detail), digest);
    }
}
