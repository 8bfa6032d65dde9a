package io.tracegate.approval.interfaces;

import io.tracegate.identity.interfaces.Identities;
import io.tracegate.it.Login;
import io.tracegate.it.OneTimeCodes;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waivers: a red gate approved only after a safety manager waives with justification, the four-eyes rule on a
 * waiver, cross-check findings waived by their code, and signatures and waivers the database keeps unchanged, on the same small Git baseline as {@link ApprovalScenarios}.
 */
public interface WaiverScenarios extends ApprovalScenarios {

    @Test
    default void aRedGateCannotBeApprovedUntilASafetyManagerWaivesWithJustification() throws Exception {
        long release = release(smallBaseline(), false);
        String digest = submit(release);
        Reply refused = sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("field")).isEqualTo("gate");

        String waiver = """
                {"requirement": "MLR-PED-NIGHT", "justification": "%s", "expiresAt": "%s",
                 "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}""";
        String why = "Night HIL campaign postponed; HIL use is limited to daylight runs until 2027-03.";
        assertThat(api().post(Login.APPROVER, "api/releases/" + release + "/review/waivers",
                waiver.formatted(why, "2027-03-31T00:00:00Z", digest, challenge(Login.APPROVER, release, digest), PASSWORD,
                        ApprovalScenarios.code(Login.APPROVER)))
                .status()).as("approvers do not waive").isEqualTo(403);
        assertThat(api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/waivers",
                waiver.formatted(why, "2020-01-01T00:00:00Z", digest, challenge(Login.SAFETY_MANAGER, release, digest),
                        PASSWORD, ApprovalScenarios.code(Login.SAFETY_MANAGER))).json().getString("field")).isEqualTo("expiresAt");
        Reply waived = api().post(Login.SAFETY_MANAGER, "api/releases/" + release + "/review/waivers",
                waiver.formatted(why, java.time.Instant.now().plusSeconds(86_400 * 90).toString(), digest,
                        challenge(Login.SAFETY_MANAGER, release, digest), PASSWORD, ApprovalScenarios.code(Login.SAFETY_MANAGER)));
        assertThat(waived.status()).as(waived.toString()).isEqualTo(201);
        assertThat(waived.json().getString("verdictWaived")).isEqualTo("NOT_COVERED");

        JsonObject row = api().get(Login.AUDITOR, "api/releases/" + release + "/trace").json().getJsonArray("requirements")
                .stream().map(JsonValue::asJsonObject).filter(r -> r.getString("id").equals("MLR-PED-NIGHT")).findFirst().orElseThrow();
        assertThat(row.getString("verdict")).isEqualTo("WAIVED");
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/gate").json().getBoolean("green")).isTrue();
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
    }

    /** A waiver body for {@code subject} ({@code "requirement": "..."} or {@code "finding": "..."}, or both, or none). */
    default Reply waive(Login login, long release, String digest, String subject) {
        String challenge = challenge(login, release, digest);
        return api().post(login, "api/releases/" + release + "/review/waivers", """
                {%s "justification": "Accepted for the HIL campaign only; re-checked before fleet use.",
                 "expiresAt": "%s", "manifestDigest": "%s", %s"password": "%s", "code": "%s"}"""
                .formatted(subject.isEmpty() ? "" : subject + ",", java.time.Instant.now().plusSeconds(86_400 * 30),
                        digest, challenge == null ? "" : "\"challenge\": \"" + challenge + "\", ", PASSWORD, ApprovalScenarios.code(login)));
    }

    @Test
    default void aSafetyManagerWhoWaivedIsNotTheIndependentSafetyManagerApprovalOfThatRound() throws Exception {
        Signer second = secondSafetyManager();
        String lee = second.username();
        String leesSecret = second.secret();
        long release = release(smallBaseline(), false);
        String digest = submit(release);

        Reply waived = waive(Login.SAFETY_MANAGER, release, digest, "\"requirement\": \"MLR-PED-NIGHT\"");
        assertThat(waived.status()).as(waived.toString()).isEqualTo(201);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        Reply own = sign(Login.SAFETY_MANAGER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(own.status()).as("accepted as an approval, " + own).isEqualTo(201);

        JsonObject waiting = status(release);
        assertThat(waiting.getString("status")).as("kim waived, so kim is not the independent safety manager")
                .isEqualTo("IN_REVIEW");
        assertThat(waiting.getJsonArray("missing").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)).containsExactly("a signature by a safety manager who signed "
                + "no waiver in this round (four eyes on every deviation)");

        Map<String, String> asLee = Identities.basic(lee, PASSWORD);
        Reply independent = api().send("POST", "api/releases/" + release + "/review/signatures", """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", "challenge": "%s", "password": "%s", "code": "%s"}"""
                .formatted(digest, challenge(asLee, release, digest), PASSWORD, OneTimeCodes.fresh(leesSecret)), asLee);
        assertThat(independent.status()).as(independent.toString()).isEqualTo(201);
        JsonObject approved = status(release);
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getJsonArray("missing")).isEmpty();
    }

    @Test
    default void aSafetyManagerWaivesACrossCheckErrorByItsCodeAndNothingElse() throws Exception {
        long release = release(smallBaseline(), true);
        for (String hash : List.of("1".repeat(64), "2".repeat(64))) {
            byte[] csv = ("metric,value,class,set\nrecall,0.96" + hash.charAt(0) + ",pedestrian,night-hil\n")
                    .getBytes(StandardCharsets.UTF_8);
            Reply uploaded = api().upload(Login.CI, "api/releases/" + release + "/evidence/files/calib-" + hash.charAt(0)
                    + ".csv?sha256=" + ApprovalScenarios.sha256(csv) + "&calibrationSha256=" + hash, csv);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        }
        String digest = submit(release);
        assertThat(api().get(Login.AUDITOR, "api/releases/" + release + "/cross-check").body())
                .contains("calibration-sets-differ");

        Reply warning = waive(Login.SAFETY_MANAGER, release, digest, "\"finding\": \"no-recipe\"");
        assertThat(warning.status()).as("a WARNING keeps no gate red: " + warning).isEqualTo(409);
        assertThat(warning.json().getString("field")).isEqualTo("finding");
        Reply unreported = waive(Login.SAFETY_MANAGER, release, digest, "\"finding\": \"qat-without-qdq\"");
        assertThat(unreported.status()).as("not reported for this release").isEqualTo(409);
        assertThat(unreported.json().getString("detail")).contains("qat-without-qdq");
        for (Login login : List.of(Login.APPROVER, Login.ML_ENGINEER)) {
            assertThat(waive(login, release, digest, "\"finding\": \"calibration-sets-differ\"").status())
                    .as(login.name()).isEqualTo(403);
        }
        Reply neither = waive(Login.SAFETY_MANAGER, release, digest, "");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().getString("field")).isEqualTo("requirement");
        Reply both = waive(Login.SAFETY_MANAGER, release, digest,
                "\"requirement\": \"MLR-PED-NIGHT\", \"finding\": \"calibration-sets-differ\"");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().getString("field")).isEqualTo("finding");

        Reply waived = waive(Login.SAFETY_MANAGER, release, digest, "\"finding\": \"calibration-sets-differ\"");
        assertThat(waived.status()).as(waived.toString()).isEqualTo(201);
        assertThat(waived.json().getString("finding")).isEqualTo("calibration-sets-differ");
        assertThat(waived.json()).as("null fields are left out").doesNotContainKey("requirement")
                .doesNotContainKey("verdictWaived");
        assertThat(waived.json().getBoolean("valid")).isTrue();
        assertThat(status(release).getJsonArray("waivers").getJsonObject(0).getString("finding"))
                .isEqualTo("calibration-sets-differ");
    }

    @Test
    default void signaturesAndWaiversCannotBeChangedOrDeletedInTheDatabase() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        assertThat(sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD).status()).isEqualTo(201);
        try (java.sql.Connection db = io.tracegate.it.TestDatabase.ofDeployment().getConnection();
             java.sql.Statement sql = db.createStatement()) {
            for (String change : List.of("UPDATE signature SET meaning = 'APPROVE_PRODUCTION' WHERE release_id = " + release,
                    "DELETE FROM signature WHERE release_id = " + release, "DELETE FROM waiver WHERE release_id = " + release)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.executeUpdate(change)).as(change)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("append-only");
            }
        }
        assertThat(status(release).getJsonArray("signatures").getJsonObject(0).getString("meaning")).isEqualTo("APPROVE_HIL");
    }
}
