package io.tracegate.approval.interfaces;

import io.tracegate.identity.interfaces.Identities;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was signed stays what ships: from IN_REVIEW on the evidence reviews are part of what the signers saw, so
 * new ones are refused until the release is reopened; handing a release over checks the gate and the approval
 * rule again as they are at that moment; a role that may not make a transition is told so (403), never a 500.
 */
public interface ReleaseGateScenarios extends ApprovalScenarios {

    default Reply reviewAgain(Login login, long release, long evidence, String decision) {
        return api().post(login, "api/releases/" + release + "/evidence/" + evidence + "/reviews",
                "{\"decision\": \"" + decision + "\", \"comment\": \"a second look at the run log\"}");
    }

    default long onlyEvidence(long release) {
        return api().get(Login.AUDITOR, "api/releases/" + release + "/evidence").json().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue();
    }

    default Reply transition(Login login, long release, String to, String reason) {
        return api().post(login, "api/releases/" + release + "/review/transitions",
                "{\"to\": \"" + to + "\", \"reason\": \"" + reason + "\"}");
    }

    /** The report, step by step: a REJECTED review after approval turned the gate red, RELEASED still went. */
    @Test
    default void aReviewAfterApprovalCannotTurnTheGateRedBehindTheSignatures() throws Exception {
        long release = release(smallBaseline(), true);
        long evidence = onlyEvidence(release);
        String digest = submit(release);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        assertThat(sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        assertThat(status(release).getString("status")).isEqualTo("APPROVED");
        assertThat(awaitApprovalPackage(release, 1).getString("state")).isEqualTo("SUCCEEDED");

        Reply rejected = reviewAgain(Login.SAFETY_ENGINEER, release, evidence, "REJECTED");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(409);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.json().getString("field")).isEqualTo("status");
        assertThat(rejected.json().getString("detail")).contains("APPROVED", "signed");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + evidence).json()
                .getString("review")).as("the review the signers saw stands").isEqualTo("ACCEPTED");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/gate").json().getBoolean("green")).isTrue();
        assertThat(transition(Login.SAFETY_MANAGER, release, "RELEASED", "HIL campaign 12").status()).isEqualTo(200);
        assertThat(reviewAgain(Login.SAFETY_MANAGER, release, evidence, "REJECTED").status()).as("nor after hand-over")
                .isEqualTo(409);
    }

    @Test
    default void aReleaseInReviewTakesNoNewReviewUntilItIsReopened() throws Exception {
        long release = release(smallBaseline(), true);
        long evidence = onlyEvidence(release);
        submit(release);

        Reply refused = reviewAgain(Login.SAFETY_ENGINEER, release, evidence, "REJECTED");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().getString("field")).isEqualTo("status");
        assertThat(refused.json().getString("detail")).contains("IN_REVIEW", "reopen");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + evidence + "/reviews").json()
                .getJsonArray("items")).as("nothing recorded").hasSize(1);

        assertThat(transition(Login.ML_ENGINEER, release, "DRAFT", "the night run log needs a second look").status())
                .isEqualTo(200);
        assertThat(reviewAgain(Login.SAFETY_ENGINEER, release, evidence, "REJECTED").status()).isEqualTo(201);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/gate").json().getBoolean("green")).isFalse();
    }

    /** A waiver that expires between approval and hand-over leaves the gate red: the hand-over says so. */
    @Test
    default void handingOverChecksTheGateAgainAsItIsThen() throws Exception {
        Signer second = secondSafetyManager();
        long release = release(smallBaseline(), false);
        String digest = submit(release);
        Instant expiry = Instant.now().plusSeconds(20);
        Reply waived = api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/waivers", """
                {"requirement": "MLR-PED-NIGHT", "justification": "Night HIL rig offline; day tracks only for now.",
                 "expiresAt": "%s", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}"""
                .formatted(expiry, digest, challenge(Login.SAFETY_MANAGER, release, digest), PASSWORD,
                        ApprovalScenarios.code(Login.SAFETY_MANAGER)));
        assertThat(waived.status()).as(waived.toString()).isEqualTo(201);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        Map<String, String> asLee = Identities.basic(second.username(), PASSWORD);
        Reply leeSigned = api().send("POST", "api/releases/" + release + "/review/signatures", """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}"""
                .formatted(digest, challenge(asLee, release, digest), PASSWORD, io.tracegate.it.OneTimeCodes.fresh(second.secret())),
                asLee);
        assertThat(leeSigned.status()).as(leeSigned.toString()).isEqualTo(201);
        assertThat(status(release).getString("status")).isEqualTo("APPROVED");
        assertThat(awaitApprovalPackage(release, 1).getString("state")).isEqualTo("SUCCEEDED");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 500));
        Reply handOver = transition(Login.SAFETY_MANAGER, release, "RELEASED", "HIL campaign 12");
        assertThat(handOver.status()).as(handOver.toString()).isEqualTo(409);
        assertThat(handOver.header("Content-Type")).startsWith("application/problem+json");
        assertThat(handOver.json().getString("field")).isEqualTo("gate");
        assertThat(handOver.json().getString("detail")).contains("MLR-PED-NIGHT");
        JsonObject after = status(release);
        assertThat(after.getString("status")).isEqualTo("APPROVED");
    }

    /** The two examples: mira may not hand over, kim may not submit; both got an unmapped EJB refusal. */
    @Test
    default void aRoleThatMayNotMakeATransitionIsRefusedWithProblemJson() throws Exception {
        long release = release(smallBaseline(), true);
        Reply submitByManager = transition(Login.SAFETY_MANAGER, release, "IN_REVIEW", "ready");
        assertThat(submitByManager.status()).as(submitByManager.toString()).isEqualTo(403);
        assertThat(submitByManager.header("Content-Type")).startsWith("application/problem+json");
        assertThat(submitByManager.json().getString("field")).isEqualTo("to");
        assertThat(status(release).getString("status")).isEqualTo("DRAFT");

        String digest = submit(release);
        sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD);
        sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(awaitApprovalPackage(release, 1).getString("state")).isEqualTo("SUCCEEDED");
        for (String to : new String[] {"RELEASED", "REVOKED"}) {
            Reply byEngineer = transition(Login.ML_ENGINEER, release, to, "ship it");
            assertThat(byEngineer.status()).as(to + " " + byEngineer).isEqualTo(403);
            assertThat(byEngineer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(byEngineer.json().getString("field")).isEqualTo("to");
        }
        assertThat(status(release).getString("status")).isEqualTo("APPROVED");
    }

    /**
     * Separation of duties (README, "What an administrator may not do"): the administrator runs accounts and the
     * release's paperwork but never judges it: no evidence review, no signing challenge, no signature, no waiver,
     * no package download. Every refusal is a 403 problem+json and leaves nothing behind.
     */
    @Test
    default void anAdministratorMayNotReviewSignWaiveOrDownloadAPackage() throws Exception {
        long release = release(smallBaseline(), false);
        byte[] csv = "metric,value,class,set\nrecall,0.962,pedestrian,night-hil\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long evidence = api().upload(Login.CI, "api/releases/" + release + "/evidence/kpi.csv?sha256=" + ApprovalScenarios.sha256(csv)
                + "&requirement=MLR-PED-NIGHT", csv).json().getJsonNumber("id").longValue();
        assertForbidden(reviewAgain(Login.ADMIN, release, evidence, "ACCEPTED"), "review");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/evidence/" + evidence).json().getString("review"))
                .isEqualTo("UNREVIEWED");
        assertThat(reviewAgain(Login.SAFETY_ENGINEER, release, evidence, "ACCEPTED").status()).isEqualTo(201);

        String digest = submit(release);
        assertForbidden(api().post(Login.ADMIN, "api/releases/" + release + "/review/challenges",
                "{\"manifestDigest\": \"" + digest + "\"}"), "challenge");
        String kims = challenge(Login.SAFETY_MANAGER, release, digest);
        assertForbidden(api().post(Login.ADMIN, "api/releases/" + release + "/review/signatures", """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}"""
                .formatted(digest, kims, PASSWORD, ApprovalScenarios.code(Login.ADMIN))), "signature");
        assertForbidden(api().post(Login.ADMIN, "api/releases/" + release + "/review/waivers", """
                {"requirement": "MLR-PED-NIGHT", "justification": "Administrators do not judge releases at all.",
                 "expiresAt": "%s", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}"""
                .formatted(Instant.now().plusSeconds(86_400), digest, kims, PASSWORD, ApprovalScenarios.code(Login.ADMIN))), "waiver");
        assertThat(status(release).getJsonArray("signatures")).isEmpty();
        assertThat(status(release).getJsonArray("waivers")).isEmpty();

        Reply written = api().post(Login.ADMIN, "api/releases/" + release + "/packages", "");
        assertThat(written.status()).as("an administrator may have a package written: " + written).isIn(200, 201);
        assertForbidden(api().get(Login.ADMIN, written.json().getString("content").substring(1)), "download");
    }

    private static void assertForbidden(Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(403);
        assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
    }
}
