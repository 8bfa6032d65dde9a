package io.tracegate.audit.interfaces;

import io.tracegate.approval.interfaces.ApprovalScenarios;
import io.tracegate.audit.infrastructure.Tools;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit packages through the API: the demo INT8 release gets one, it downloads and verifies offline
 * (unzip, sha256sum -c, openssl cms -verify, pdfsig) and online, the same state gives the same package,
 * downloads are audit events, a release under review shows its signatures and verified history, roles hold.
 */
public interface PackageScenarios extends ApprovalScenarios {

    default long demoInt8Release() {
        return api().get(Login.AUDITOR, "api/models/front-camera-object-detector/releases?limit=500").json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("version").equals("4.2.0-int8.1"))
                .mapToLong(r -> r.getJsonNumber("id").longValue()).findFirst().orElseThrow();
    }

    default JsonObject generate(Login login, long release) {
        Reply created = api().post(login, "api/releases/" + release + "/packages", "");
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json();
    }

    default byte[] download(Login login, JsonObject pkg) {
        var request = java.net.http.HttpRequest.newBuilder(api().base().resolve(pkg.getString("content").substring(1)))
                .header("Authorization", login.authorization()).GET().build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(response.headers().firstValue("ETag")).hasValue("\"" + pkg.getString("sha256") + "\"");
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the ZIP and unpacks it with unzip, as the README tells an auditor to. */
    default Path unpacked(byte[] zip) throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "package-it");
        Files.write(dir.resolve("package.zip"), zip);
        Path out = Files.createDirectories(dir.resolve("unpacked"));
        Tools.Run unzip = Tools.run(out, "unzip", "-q", "../package.zip");
        assertThat(unzip.exit()).as(unzip.output()).isZero();
        return out;
    }

    default JsonObject verifyOnline(byte[] zip) {
        Reply verified = api().send(Login.AUDITOR, "POST", "api/packages/verify", BodyPublishers.ofByteArray(zip),
                Map.of("Content-Type", "application/zip"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json();
    }

    @Test
    default void theDemoInt8ReleaseGetsAPackageThatVerifiesOfflineAndOnline() throws Exception {
        long release = demoInt8Release();
        JsonObject pkg = generate(Login.AUDITOR, release);
        assertThat(pkg.getString("releaseStatus")).isEqualTo("DRAFT");
        assertThat(pkg.getString("fileName")).isEqualTo("front-camera-object-detector-4.2.0-int8.1-audit-package.zip");
        byte[] zip = download(Login.AUDITOR, pkg);
        assertThat(zip).hasSize(pkg.getJsonNumber("size").intValue());
        assertThat(sha256(zip)).isEqualTo(pkg.getString("sha256"));

        Path dir = unpacked(zip);
        Tools.Run sums = Tools.run(dir, "sha256sum", "-c", "--strict", "SHA256SUMS");
        assertThat(sums.exit()).as(sums.output()).isZero();
        assertThat(sums.output()).contains("report.pdf: OK", "traceability.csv: OK", "evidence/artifacts/");
        Tools.Run cms = Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content",
                "SHA256SUMS", "-in", "SHA256SUMS.sig", "-CAfile", "signing-cert.pem", "-purpose", "any", "-out", "/dev/null");
        assertThat(cms.exit()).as(cms.output()).isZero();
        assertThat(Tools.run(dir, "pdfsig", "report.pdf").output()).contains("Signature is Valid.");
        String report = Tools.run(dir, "pdftotext", "-layout", "report.pdf", "-").output();
        assertThat(report).contains("Audit package: front-camera-object-detector 4.2.0-int8.1", "MLR-PERF-VRU-NIGHT",
                "5 Traceability matrix", "10 Standards mapping", "Self-signed key", "Latency distribution on the target",
                "trtexec-times-orin.json (evidence", "trtexec-times-orin-full-load.json (evidence");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"status\": \"DRAFT\"",
                "\"manifestFrozen\": false");

        JsonObject online = verifyOnline(zip);
        assertThat(online.getBoolean("valid")).as(online.toString()).isTrue();
        assertThat(online.getJsonArray("checks")).hasSize(8);

        JsonObject listed = api().get(Login.ML_ENGINEER, "api/releases/" + release + "/packages").json();
        assertThat(listed.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(p -> p.getJsonNumber("id").longValue())).contains(pkg.getJsonNumber("id").longValue());
    }

    @Test
    default void theSameReleaseStateGivesTheSamePackage() {
        long release = demoInt8Release();
        JsonObject first = generate(Login.APPROVER, release);
        Reply again = api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/packages", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("sha256")).isEqualTo(first.getString("sha256"));
        assertThat(again.json().getJsonNumber("id")).isEqualTo(first.getJsonNumber("id"));
    }

    @Test
    default void everyDownloadIsAnAuditEvent() {
        long release = demoInt8Release();
        JsonObject pkg = generate(Login.AUDITOR, release);
        download(Login.APPROVER, pkg);
        JsonObject events = api().get(Login.AUDITOR, "api/audit/events?subjectType=audit-package&action=package.download"
                + "&subjectId=" + release + "/" + pkg.getJsonNumber("id") + "&limit=500").json();
        assertThat(events.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("actor"))).contains("alex");
    }

    @Test
    default void aTamperedPackageIsRefusedOnlineWithTheReason() throws IOException {
        byte[] zip = download(Login.AUDITOR, generate(Login.AUDITOR, demoInt8Release()));
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(tampered)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("evidence/late-addition.csv"));
            out.write("metric,value\nrecall,0.99\n".getBytes());
            out.closeEntry();
        }
        JsonObject verdict = verifyOnline(tampered.toByteArray());
        assertThat(verdict.getBoolean("valid")).isFalse();
        assertThat(verdict.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> !c.getBoolean("passed")).map(c -> c.getString("detail")))
                .contains("not in SHA256SUMS: evidence/late-addition.csv");
    }

    @Test
    default void aReleaseUnderReviewShowsItsSignaturesAndVerifiedHistory() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        JsonObject pkg = generate(Login.AUDITOR, release);
        assertThat(pkg.getString("releaseStatus")).isEqualTo("IN_REVIEW");
        assertThat(pkg.getString("manifestDigest")).isEqualTo(digest);
        Path dir = unpacked(download(Login.AUDITOR, pkg));
        String report = Tools.run(dir, "pdftotext", "-layout", "report.pdf", "-").output();
        assertThat(report).contains("Alex Moreau (approver)", "approved for HIL campaigns", "UTC",
                "Chain verified", "release.signature", "manifest " + digest);
        assertThat(sha256(Files.readAllBytes(dir.resolve("release-manifest.txt")))).isEqualTo(digest);
    }

    @Test
    default void packagesKeepToTheirRoles() {
        long release = demoInt8Release();
        for (Login wrong : new Login[] {Login.ML_ENGINEER, Login.SAFETY_ENGINEER}) {
            assertThat(api().post(wrong, "api/releases/" + release + "/packages", "").status()).as(wrong.name())
                    .isEqualTo(403);
        }
        assertThat(api().post(Login.NOBODY, "api/releases/" + release + "/packages", "").status()).isEqualTo(401);
        JsonObject pkg = generate(Login.AUDITOR, release);
        String content = pkg.getString("content").substring(1);
        for (Login wrong : new Login[] {Login.ML_ENGINEER, Login.SAFETY_ENGINEER, Login.SAFETY_MANAGER, Login.ADMIN}) {
            assertThat(api().get(wrong, content).status()).as(wrong.name()).isEqualTo(403);
        }
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/packages/999999").status()).isEqualTo(404);
        assertThat(api().post(Login.AUDITOR, "api/releases/999999/packages", "").status()).isEqualTo(404);
    }

    @Test
    default void aPackageWrittenInTheBackgroundShowsItsProgressUntilItIsDone() throws InterruptedException {
        long release = demoInt8Release();
        Reply accepted = api().send(Login.AUDITOR, "POST", "api/releases/" + release + "/packages",
                BodyPublishers.noBody(), Map.of("Prefer", "respond-async"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        String location = accepted.header("Location");
        assertThat(location).endsWith("/api/releases/" + release + "/package-jobs/" + accepted.json().getJsonNumber("id"));
        assertThat(accepted.json().getString("reason")).isEqualTo("REQUESTED");
        assertThat(accepted.json().getString("requestedBy")).isEqualTo("ada");

        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        JsonObject job = accepted.json();
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (!java.util.List.of("SUCCEEDED", "FAILED").contains(job.getString("state"))) {
            assertThat(System.nanoTime()).as("the job ends within two minutes").isLessThan(deadline);
            Thread.sleep(100);
            job = api().get(Login.ML_ENGINEER, java.net.URI.create(location).getPath().substring(1)).json();
            seen.add(job.getString("state") + (job.isNull("step") ? "" : " " + job.getString("step")));
        }
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getJsonNumber("stepDone")).isEqualTo(job.getJsonNumber("stepTotal"));
        assertThat(seen).as("polled states").last().asString().startsWith("SUCCEEDED");
        JsonObject pkg = api().get(Login.AUDITOR, job.getString("packageLink").substring(1)).json();
        assertThat(pkg.getString("sha256")).hasSize(64);
        assertThat(pkg.getJsonNumber("id")).isEqualTo(job.getJsonNumber("packageId"));
        JsonObject jobs = api().get(Login.SAFETY_ENGINEER, "api/releases/" + release + "/package-jobs").json();
        assertThat(jobs.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(j -> j.getJsonNumber("id")))
                .contains(job.getJsonNumber("id"));
    }

    @Test
    default void anUploadRecordsTheCrc32AndABlobChangedInPlaceFailsThePackageNamingTheCheckThatCaughtIt() throws Exception {
        long release = release(smallBaseline(), true);
        byte[] log = ("HIL run " + java.util.UUID.randomUUID() + "\n" + "frame ok\n".repeat(200))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply uploaded = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/hil-run.log?sha256=" + sha256(log)
                + "&requirement=MLR-PED-NIGHT", log);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(log);
        assertThat(recordedCrc32(sha256(log))).isEqualTo(crc.getValue());
        // As if stored before uploads recorded CRCs: the package computes it and records it.
        try (java.sql.Connection db = io.tracegate.it.TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement forget = db.prepareStatement("UPDATE blob SET crc32 = NULL WHERE sha256 = ?")) {
            forget.setString(1, sha256(log));
            assertThat(forget.executeUpdate()).isEqualTo(1);
        }
        String entryName = "evidence/" + uploaded.json().getJsonNumber("id") + "/hil-run.log";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download(Login.AUDITOR,
                generate(Login.AUDITOR, release))))) {
            ZipEntry entry;
            do {
                entry = zip.getNextEntry();
                assertThat(entry).as(entryName + " in the package").isNotNull();
            } while (!entry.getName().equals(entryName));
            assertThat(entry.getCrc()).isEqualTo(crc.getValue());
        }
        assertThat(recordedCrc32(sha256(log))).as("learned by the package").isEqualTo(crc.getValue());

        // One bit of the stored log flips behind the application's back: same size, same recorded CRC.
        try (java.util.stream.Stream<Path> blobs = Files.walk(io.tracegate.it.Deployment.dataDir())) {
            Path blob = blobs.filter(p -> p.getFileName().toString().equals(sha256(log))).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(blob);
            bytes[bytes.length / 2] ^= 1;
            Files.write(blob, bytes);
        }
        Reply accepted = api().send(Login.AUDITOR, "POST", "api/releases/" + release + "/packages",
                BodyPublishers.noBody(), Map.of("Prefer", "respond-async"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonObject job = awaitJob(accepted.header("Location"));
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.getString("failure")).as("uploaded just now: checked by its CRC-32")
                .contains("stored file hil-run.log", "no longer matches the CRC-32 recorded at upload",
                        "the blob store is damaged");

        // Last verified long ago: its SHA-256 is computed again, and that is the reason given.
        try (java.sql.Connection db = io.tracegate.it.TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement age = db.prepareStatement(
                     "UPDATE blob SET verified_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' WHERE sha256 = ?")) {
            age.setString(1, sha256(log));
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        JsonObject rehashed = awaitJob(api().send(Login.AUDITOR, "POST", "api/releases/" + release + "/packages",
                BodyPublishers.noBody(), Map.of("Prefer", "respond-async")).header("Location"));
        assertThat(rehashed.getString("state")).as(rehashed.toString()).isEqualTo("FAILED");
        assertThat(rehashed.getString("failure")).contains("stored file hil-run.log", "not to the recorded " + sha256(log),
                "the blob store is damaged");
    }

    /** Polls a package job (its Location) until it has ended, for at most two minutes. */
    private JsonObject awaitJob(String location) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonObject job = api().get(Login.AUDITOR, java.net.URI.create(location).getPath().substring(1)).json();
            if (java.util.List.of("SUCCEEDED", "FAILED").contains(job.getString("state"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("the job ends within two minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The CRC-32 the server recorded for a blob, straight from its database. */
    private static long recordedCrc32(String sha256) throws java.sql.SQLException {
        try (java.sql.Connection db = io.tracegate.it.TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement query = db.prepareStatement("SELECT crc32 FROM blob WHERE sha256 = ?")) {
            query.setString(1, sha256);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("blob " + sha256 + " is recorded").isTrue();
                long crc = row.getLong(1);
                return row.wasNull() ? -1 : crc;
            }
        }
    }

    @Test
    default void packageJobsKeepToTheirRoles() {
        long release = demoInt8Release();
        assertThat(api().send(Login.ML_ENGINEER, "POST", "api/releases/" + release + "/packages",
                BodyPublishers.noBody(), Map.of("Prefer", "respond-async")).status()).isEqualTo(403);
        assertThat(api().get(Login.NOBODY, "api/releases/" + release + "/package-jobs").status()).isEqualTo(401);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/package-jobs/999999").status()).isEqualTo(404);
        assertThat(api().get(Login.AUDITOR, "api/releases/999999/package-jobs").status()).isEqualTo(404);
        Reply accepted = api().send(Login.AUDITOR, "POST", "api/releases/" + release + "/packages",
                BodyPublishers.noBody(), Map.of("Prefer", "respond-async"));
        long other = release + 1;
        assertThat(api().get(Login.AUDITOR, "api/releases/" + other + "/package-jobs/"
                + accepted.json().getJsonNumber("id")).status()).as("a job is found only under its own release").isEqualTo(404);
    }

    @Test
    default void anApprovedReleaseIsHandedOverOnlyOnceItsApprovalPackageExists() throws Exception {
        long release = release(smallBaseline(), true);
        byte[] log = ("HIL run " + java.util.UUID.randomUUID() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply uploaded = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/hil-run.log?sha256=" + sha256(log)
                + "&requirement=MLR-PED-NIGHT", log);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(api().post(Login.SAFETY_ENGINEER, "api/releases/" + release + "/evidence/"
                + uploaded.json().getJsonNumber("id") + "/reviews", "{\"decision\": \"ACCEPTED\", \"comment\": \"ok\"}")
                .status()).isEqualTo(201);
        String digest = submit(release);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        // The stored log disappears behind the application's back: the approval package cannot be written.
        try (java.util.stream.Stream<Path> blobs = Files.walk(io.tracegate.it.Deployment.dataDir())) {
            Path blob = blobs.filter(p -> p.getFileName().toString().equals(sha256(log))).findFirst().orElseThrow();
            Files.delete(blob);
        }
        assertThat(sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        assertThat(status(release).getString("status")).isEqualTo("APPROVED");

        JsonObject job = awaitApprovalPackage(release, 1);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.getString("failure")).contains("missing from the blob store");
        Reply handOver = api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"RELEASED\", \"reason\": \"HIL campaign 13\"}");
        assertThat(handOver.status()).as(handOver.toString()).isEqualTo(409);
        assertThat(handOver.json().getString("field")).isEqualTo("approvalPackage");
        assertThat(handOver.json().getString("detail")).contains("package job " + job.getJsonNumber("id") + " failed");
        assertThat(status(release).getString("status")).isEqualTo("APPROVED");
    }

    private static String sha256(byte[] bytes) {
        return ApprovalScenarios.sha256(bytes);
    }
}
