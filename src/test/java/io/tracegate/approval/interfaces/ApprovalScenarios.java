package io.tracegate.approval.interfaces;

import io.tracegate.identity.interfaces.Identities;
import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.OneTimeCodes;
import io.tracegate.it.Reply;
import io.tracegate.requirement.infrastructure.RequirementRepo;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review, electronic signatures, the ASIL policy, waivers and concurrency, on releases verified against a
 * small Git baseline (SG-01 ASIL D → FSR-01 → MLR-PED-NIGHT with one recall criterion): ASIL D asks for
 * two approvers, one a safety manager, independent of the creator and the uploaders.
 */
public interface ApprovalScenarios extends ApiScenarios {

    String PASSWORD = "tracegate-demo";

    default long smallBaseline() throws Exception {
        Path root = Path.of(System.getProperty("tracegate.it.git-root", "target/it-git"));
        try (RequirementRepo repo = RequirementRepo.init(root.resolve(Api.unique("approval"))).small()) {
            repo.commit("requirements");
            Reply created = api().post(Login.SAFETY_ENGINEER, "api/baselines/git",
                    "{\"repository\": \"" + repo.dir() + "\", \"ref\": \"main\", \"directory\": \"requirements\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().getJsonNumber("id").longValue();
        }
    }

    /** A release on the baseline; with {@code green}, its one ML requirement is verified by accepted evidence. */
    default long release(long baseline, boolean green) {
        Reply model = api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + Api.unique("approval") + "\"}");
        String name = model.json().getString("name");
        long id = api().post(Login.ML_ENGINEER, "api/models/" + name + "/releases", "{\"version\": \"1.0.0\"}")
                .json().getJsonNumber("id").longValue();
        assertThat(api().put(Login.ML_ENGINEER, "api/releases/" + id + "/baseline", "{\"baselineId\": " + baseline + "}",
                Map.of()).status()).isEqualTo(200);
        if (green) {
            byte[] csv = "metric,value,class,set\nrecall,0.962,pedestrian,night-hil\n".getBytes(StandardCharsets.UTF_8);
            Reply evidence = api().upload(Login.CI, "api/releases/" + id + "/evidence/files/kpi.csv?sha256=" + sha256(csv)
                    + "&requirement=MLR-PED-NIGHT", csv);
            assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
            Reply review = api().post(Login.SAFETY_ENGINEER, "api/releases/" + id + "/evidence/"
                    + evidence.json().getJsonNumber("id") + "/reviews", "{\"decision\": \"ACCEPTED\", \"comment\": \"run log checked\"}");
            assertThat(review.status()).isEqualTo(201);
        }
        return id;
    }

    default String submit(long release) {
        Reply submitted = api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/transitions", "{\"to\": \"IN_REVIEW\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return submitted.json().getString("manifestDigest");
    }

    /** A single-use signing challenge for {@code login} over the digest, or null when it is refused. */
    default String challenge(Login login, long release, String digest) {
        Reply issued = api().post(login, "api/releases/" + release + "/review/challenges",
                "{\"manifestDigest\": \"" + digest + "\"}");
        return issued.status() == 201 ? issued.json().getString("challenge") : null;
    }

    /** The same with the caller's own headers (a session, or an identity the scenario made). */
    default String challenge(Map<String, String> headers, long release, String digest) {
        Reply issued = api().send("POST", "api/releases/" + release + "/review/challenges",
                "{\"manifestDigest\": \"" + digest + "\"}", headers);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().getString("challenge");
    }

    /**
     * Signs as a client does: a challenge first, then the signature with it. Where the challenge is refused
     * (wrong role, stale digest) the signature is sent without one, so the scenario sees the signing refusal.
     */
    default Reply sign(Login login, long release, String meaning, String digest, String password) {
        String challenge = challenge(login, release, digest);
        return api().post(login, "api/releases/" + release + "/review/signatures", """
                {"meaning": "%s", "manifestDigest": "%s", %s"password": "%s", "code": "%s",
                 "comment": "HIL campaign plan v3 checked"}"""
                .formatted(meaning, digest, challenge == null ? "" : "\"challenge\": \"" + challenge + "\", ", password,
                        code(login)));
    }

    /**
     * A fresh authenticator code of a demo signer (computed from the demo's published secret), or a well-formed
     * code for the others, who have no authenticator.
     */
    static String code(Login login) {
        return login.username() != null && OneTimeCodes.DEMO_SECRETS.containsKey(login.username())
                ? OneTimeCodes.demo(login.username()) : "000000";
    }

    /**
     * Waits until the job writing the package frozen at the approval of {@code round} has finished (a small
     * release's package takes about a second) and returns it.
     */
    default JsonObject awaitApprovalPackage(long release, int round) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            java.util.Optional<JsonObject> finished = api().get(Login.AUDITOR, "api/releases/" + release + "/package-jobs")
                    .json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(j -> j.getString("reason").equals("APPROVAL") && j.getInt("approvalRound") == round)
                    .filter(j -> List.of("SUCCEEDED", "FAILED").contains(j.getString("state"))).findFirst();
            if (finished.isPresent()) {
                return finished.get();
            }
            assertThat(System.nanoTime()).as("the approval package of release " + release + " within two minutes")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    default JsonObject status(long release) {
        return api().get(Login.AUDITOR, "api/releases/" + release + "/review").json();
    }

    @Test
    default void anAsilDReleaseNeedsTwoIndependentSignaturesOverTheDigestTheySaw() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);

        JsonObject manifest = api().get(Login.AUDITOR, "api/releases/" + release + "/review/manifest").json();
        assertThat(manifest.getString("digest")).isEqualTo(digest);
        assertThat(sha256(manifest.getString("text").getBytes(StandardCharsets.UTF_8)))
                .as("anyone can recompute the digest from the manifest text").isEqualTo(digest);
        assertThat(manifest.getString("text")).contains("requirement MLR-PED-NIGHT ", "evidence ", "round 1");

        Reply wrongPassword = sign(Login.APPROVER, release, "APPROVE_HIL", digest, "not-my-password");
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.json().getString("field")).isEqualTo("password");
        Reply stale = sign(Login.APPROVER, release, "APPROVE_HIL", "0".repeat(64), PASSWORD);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().getString("field")).isEqualTo("manifestDigest");

        Reply first = sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getString("printedName")).isNotBlank();
        assertThat(first.json().getString("meaningInWords")).isEqualTo("approved for HIL campaigns");
        assertThat(status(release).getString("status")).isEqualTo("IN_REVIEW");
        assertThat(status(release).getJsonArray("missing").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)).anyMatch(m -> m.contains("safety manager"));
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).as("no second signature").isEqualTo(409);
        assertThat(sign(Login.SAFETY_MANAGER, release, "APPROVE_FLEET", digest, PASSWORD).status())
                .as("one purpose per round").isEqualTo(409);

        Reply second = sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        JsonObject approved = status(release);
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getJsonArray("signatures")).hasSize(2);
        assertThat(approved.getString("highestAsil")).isEqualTo("D");

        byte[] late = "late".getBytes(StandardCharsets.UTF_8);
        assertThat(api().upload(Login.CI, "api/releases/" + release + "/evidence/files/late.log?sha256=" + sha256(late), late)
                .status()).as("the content is frozen").isEqualTo(409);
        assertThat(api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"DRAFT\", \"reason\": \"x\"}").status()).as("an approved release is not reopened").isEqualTo(409);
        JsonObject frozen = awaitApprovalPackage(release, 1);
        assertThat(frozen.getString("state")).as(frozen.toString()).isEqualTo("SUCCEEDED");
        JsonObject approvalPackage = api().get(Login.AUDITOR, frozen.getString("packageLink").substring(1)).json();
        assertThat(approvalPackage.getString("releaseStatus")).isEqualTo("APPROVED");
        assertThat(approvalPackage.getString("manifestDigest")).isEqualTo(digest);
        assertThat(frozen.getString("requestedBy")).as("written as the approver whose signature approved").isEqualTo("kim");
        assertThat(api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"RELEASED\", \"reason\": \"HIL campaign 12\"}").status()).isEqualTo(200);
        assertThat(api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"REVOKED\"}").status()).as("revoking needs a reason").isEqualTo(400);
        Reply revoked = api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"REVOKED\", \"reason\": \"field issue FI-88\"}");
        assertThat(revoked.json().getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.json().getString("reason")).isEqualTo("field issue FI-88");
    }

    @Test
    default void aSigningChallengeIsSpentOnceOnlyByWhomItWasIssuedToOverWhatTheySaw() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        String signatures = "api/releases/" + release + "/review/signatures";
        String body = """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}""";

        Reply issued = api().post(Login.APPROVER, "api/releases/" + release + "/review/challenges",
                "{\"manifestDigest\": \"" + digest + "\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        assertThat(issued.json().getInt("round")).isEqualTo(1);
        String alexs = issued.json().getString("challenge");

        Reply without = api().post(Login.APPROVER, signatures, """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "password": "%s", "code": "%s"}""".formatted(digest,
                PASSWORD, code(Login.APPROVER)));
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().getString("field")).isEqualTo("challenge");
        Reply borrowed = api().post(Login.SAFETY_MANAGER, signatures, body.formatted(digest, alexs, PASSWORD, code(Login.SAFETY_MANAGER)));
        assertThat(borrowed.status()).as("someone else's challenge").isEqualTo(403);
        assertThat(borrowed.json().getString("field")).isEqualTo("challenge");

        String alexsCode = code(Login.APPROVER);
        assertThat(api().post(Login.APPROVER, signatures, body.formatted(digest, alexs, PASSWORD, alexsCode)).status())
                .isEqualTo(201);
        Reply replayed = api().post(Login.APPROVER, signatures, body.formatted(digest, alexs, PASSWORD, alexsCode));
        assertThat(replayed.status()).as("the same request again").isEqualTo(409);
        assertThat(replayed.json().getString("field")).isEqualTo("challenge");
        assertThat(replayed.json().getString("detail")).contains("was used");

        String kims = challenge(Login.SAFETY_MANAGER, release, digest);
        assertThat(api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"DRAFT\", \"reason\": \"recipe corrected\"}").status()).isEqualTo(200);
        String newDigest = submit(release);
        Reply stale = api().post(Login.SAFETY_MANAGER, signatures, body.formatted(newDigest, kims, PASSWORD, code(Login.SAFETY_MANAGER)));
        assertThat(stale.status()).as("a challenge from before the release changed").isEqualTo(409);
        assertThat(stale.json().getString("detail")).contains("issued for round 1");
        assertThat(status(release).getJsonArray("signatures")).hasSize(1);
        assertThat(api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/challenges",
                "{\"manifestDigest\": \"" + newDigest + "\"}").status()).as("only signers get challenges").isEqualTo(403);
    }

    @Test
    default void reopeningMakesEarlierSignaturesObsoleteAndStartsANewRound() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        assertThat(api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"DRAFT\"}").status()).as("reopening needs a reason").isEqualTo(400);
        assertThat(api().post(Login.ML_ENGINEER, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"DRAFT\", \"reason\": \"wrong calibration cache attached\"}").status()).isEqualTo(200);

        String second = submit(release);
        assertThat(second).isNotEqualTo(digest);
        assertThat(sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD).status())
                .as("a signature over the first round's digest").isEqualTo(409);
        JsonObject status = status(release);
        assertThat(status.getInt("round")).isEqualTo(2);
        assertThat(status.getJsonArray("signatures").getJsonObject(0).getBoolean("obsolete")).isTrue();
        assertThat(status.getJsonArray("missing").getString(0)).contains("2 more");
    }

    @Test
    default void onlyApproversAndSafetyManagersSignAndApprovedIsReachedOnlyBySignatures() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        for (Login login : List.of(Login.ML_ENGINEER, Login.CI, Login.SAFETY_ENGINEER, Login.AUDITOR, Login.ADMIN)) {
            assertThat(sign(login, release, "APPROVE_HIL", digest, PASSWORD).status()).as(login.name()).isEqualTo(403);
        }
        assertThat(sign(Login.NOBODY, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(401);
        Reply direct = api().post(Login.ADMIN, "api/releases/" + release + "/review/transitions", "{\"to\": \"APPROVED\"}");
        assertThat(direct.status()).isEqualTo(400);
        for (Login login : List.of(Login.SAFETY_ENGINEER, Login.APPROVER, Login.AUDITOR)) {
            assertThat(api().post(login, "api/releases/" + release + "/review/transitions",
                    "{\"to\": \"DRAFT\", \"reason\": \"x\"}").status()).as(login.name()).isEqualTo(403);
        }
        assertThat(status(release).getJsonArray("signatures")).isEmpty();
    }

    @Test
    default void someoneWhoCreatedOrFedTheReleaseMayNotApproveIt() throws Exception {
        String dual = Api.unique("dual");
        String adminSet = "set by the admin 2026";
        String own = "my own signing password";
        Reply created = api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Dana Dual", "roles": ["ML_ENGINEER", "APPROVER"], "password": "%s"}"""
                .formatted(dual, adminSet));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, String> asDual = Identities.basic(dual, adminSet);

        long baseline = smallBaseline();
        Reply model = api().send("POST", "api/models", "{\"name\": \"" + Api.unique("sod") + "\"}", asDual);
        long release = api().send("POST", "api/models/" + model.json().getString("name") + "/releases",
                "{\"version\": \"1.0.0\"}", asDual).json().getJsonNumber("id").longValue();
        assertThat(api().send("PUT", "api/releases/" + release + "/baseline", "{\"baselineId\": " + baseline + "}", asDual)
                .status()).isEqualTo(200);
        byte[] csv = "metric,value,class,set\nrecall,0.962,pedestrian,night-hil\n".getBytes(StandardCharsets.UTF_8);
        long evidence = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/kpi.csv?sha256=" + sha256(csv)
                + "&requirement=MLR-PED-NIGHT", csv).json().getJsonNumber("id").longValue();
        assertThat(api().post(Login.SAFETY_ENGINEER, "api/releases/" + release + "/evidence/" + evidence + "/reviews",
                "{\"decision\": \"ACCEPTED\", \"comment\": \"ok\"}").status()).isEqualTo(201);
        String digest = api().send("POST", "api/releases/" + release + "/review/transitions", "{\"to\": \"IN_REVIEW\"}",
                asDual).json().getString("manifestDigest");
        String signing = """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}""";

        Reply adminPassword = api().send("POST", "api/releases/" + release + "/review/signatures",
                signing.formatted(digest, challenge(asDual, release, digest), adminSet, "000000"), asDual);
        assertThat(adminPassword.status()).as("a password an administrator set never signs").isEqualTo(403);
        assertThat(adminPassword.json().getString("detail")).contains("administrator");
        assertThat(api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(adminSet, own), asDual).status()).isEqualTo(204);
        String dualsSecret = Identities.enrolAuthenticator(api(), Identities.basic(dual, own), own);

        Reply creator = api().send("POST", "api/releases/" + release + "/review/signatures",
                signing.formatted(digest, challenge(Identities.basic(dual, own), release, digest), own,
                        OneTimeCodes.fresh(dualsSecret)),
                Identities.basic(dual, own));
        assertThat(creator.status()).as(creator.toString()).isEqualTo(403);
        assertThat(creator.json().getString("detail")).contains("created");
        Reply uploader = sign(Login.CI, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(uploader.status()).as("the CI account has no approver role either").isEqualTo(403);
        assertThat(status(release).getJsonArray("signatures")).isEmpty();
    }

    @Test
    default void concurrentSignersAndAnEditorNeverLoseOrDuplicateASignature() throws Exception {
        long baseline = smallBaseline();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 8; round++) {
                long release = release(baseline, true);
                String digest = submit(release);
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Reply>> actors = List.of(
                        () -> { start.await(); return sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD); },
                        () -> { start.await(); return sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD); },
                        () -> { start.await(); return api().post(Login.ML_ENGINEER, "api/releases/" + release
                                + "/review/transitions", "{\"to\": \"DRAFT\", \"reason\": \"editor races the signers\"}"); });
                List<Future<Reply>> futures = new ArrayList<>();
                for (Callable<Reply> actor : actors) {
                    futures.add(pool.submit(actor));
                }
                start.countDown();
                List<Reply> replies = new ArrayList<>();
                for (Future<Reply> f : futures) {
                    replies.add(f.get());
                }
                for (Reply r : replies) {
                    assertThat(r.status()).as(r.toString()).isIn(200, 201, 409);
                }
                long signed = replies.subList(0, 2).stream().filter(r -> r.status() == 201).count();
                JsonObject status = status(release);
                assertThat(status.getJsonArray("signatures")).as("every accepted signature is stored, once").hasSize((int) signed);
                boolean reopened = replies.get(2).status() == 200;
                if (signed == 2) {
                    assertThat(status.getString("status")).as("two signatures of one round approve").isEqualTo("APPROVED");
                    assertThat(reopened).isFalse();
                } else if (!reopened) {
                    assertThat(status.getString("status")).isEqualTo("IN_REVIEW");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signer of the scenarios' own: their name and the secret of the authenticator they enrolled. */
    record Signer(String username, String secret) {
    }

    /**
     * A second safety manager, Lee, as a real one comes to sign: an administrator creates the account, Lee chooses
     * a password of their own (the demo's) and enrols an authenticator.
     */
    default Signer secondSafetyManager() {
        String lee = Api.unique("lee");
        String adminSet = "set by the admin 2026";
        assertThat(api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Lee Second", "roles": ["SAFETY_MANAGER"], "password": "%s"}"""
                .formatted(lee, adminSet)).status()).isEqualTo(201);
        assertThat(api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(adminSet, PASSWORD),
                Identities.basic(lee, adminSet)).status()).isEqualTo(204);
        return new Signer(lee, Identities.enrolAuthenticator(api(), Identities.basic(lee, PASSWORD), PASSWORD));
    }
}
