package io.tracegate.approval.interfaces;

import io.tracegate.identity.interfaces.Identities;
import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.OneTimeCodes;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-off integrity (issue 15, items 1 and 2): the second signing component is an authenticator the signer
 * enrolled themselves, which no administrator can set, and the signing password cannot be guessed without limit.
 * The scenarios on alex put alex back as they found him (own password, authenticator, unlocked).
 */
public interface SigningFactorScenarios extends ApprovalScenarios {

    String ALEX = "alex";

    /** A signature request as alex's session would send it; {@code code} null leaves the field out. */
    default Reply signAs(Map<String, String> headers, long release, String digest, String challenge, String password,
                         String code) {
        return api().send("POST", "api/releases/" + release + "/review/signatures", """
                {"meaning": "APPROVE_HIL", "manifestDigest": "%s", %s%s"password": "%s"}""".formatted(digest,
                challenge == null ? "" : "\"challenge\": \"" + challenge + "\", ",
                code == null ? "" : "\"code\": \"" + code + "\", ", password), headers);
    }

    /** The newest 200 audit events of the action on the subject. */
    default List<JsonObject> auditOf(String action, String subjectId) {
        int total = auditCount(action, subjectId);
        Reply page = api().get(Login.AUDITOR, "api/audit/events?limit=200&offset=" + Math.max(0, total - 200)
                + "&action=" + action + "&subjectId=" + subjectId);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    default int auditCount(String action, String subjectId) {
        Reply page = api().get(Login.AUDITOR, "api/audit/events?limit=1&action=" + action + "&subjectId=" + subjectId);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getInt("total");
    }

    @Test
    default void anAdministratorWhoResetsAnApproversPasswordCannotSignAsThem() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        String adminChosen = "the admin knows this one";
        String adminChanged = "and this one too, 2026";
        try {
            assertThat(api().put(Login.ADMIN, "api/users/alex/password", "{\"password\": \"" + adminChosen + "\"}",
                    Map.of()).status()).isEqualTo(200);
            Map<String, String> asAlexByAdmin = Identities.basic(ALEX, adminChosen);
            assertThat(api().send("PUT", "api/users/me/password", """
                    {"currentPassword": "%s", "newPassword": "%s"}""".formatted(adminChosen, adminChanged),
                    asAlexByAdmin).status()).as("the administrator 'changes' alex's password").isEqualTo(204);
            Map<String, String> asAlex = Identities.basic(ALEX, adminChanged);

            Reply passwordOnly = signAs(asAlex, release, digest, challenge(asAlex, release, digest), adminChanged, null);
            assertThat(passwordOnly.status()).as("a password the administrator knew must never sign: " + passwordOnly)
                    .isIn(400, 403);
            assertThat(passwordOnly.json().getString("field")).isEqualTo("code");
            Reply guessed = signAs(asAlex, release, digest, challenge(asAlex, release, digest), adminChanged,
                    OneTimeCodes.wrong(OneTimeCodes.DEMO_SECRETS.get(ALEX)));
            assertThat(guessed.status()).as(guessed.toString()).isEqualTo(403);
            assertThat(guessed.json().getString("field")).isEqualTo("code");
            Reply takeover = api().send("POST", "api/users/me/authenticator", "{\"password\": \"" + adminChanged + "\"}",
                    asAlex);
            assertThat(takeover.status()).as("alex's authenticator cannot be replaced by enrolling again: " + takeover)
                    .isEqualTo(409);
            assertThat(takeover.body()).doesNotContain("secret\"");
            assertThat(status(release).getJsonArray("signatures")).as("nothing was signed as alex").isEmpty();
            assertThat(auditOf("signature.refused", "alex")).extracting(e -> e.getString("reason"))
                    .anyMatch(r -> r.contains("wrong code"));
        } finally {
            // alex takes his account back: his own password again; the reset never touched his authenticator
            assertThat(api().put(Login.ADMIN, "api/users/alex/password", "{\"password\": \"" + adminChosen + "\"}",
                    Map.of()).status()).isEqualTo(200);
            assertThat(api().send("PUT", "api/users/me/password", """
                    {"currentPassword": "%s", "newPassword": "%s"}""".formatted(adminChosen, PASSWORD),
                    Identities.basic(ALEX, adminChosen)).status()).isEqualTo(204);
            api().post(Login.ADMIN, "api/users/alex/signing-lock/release", "{\"reason\": \"scenario clean-up\"}");
        }
        Reply alexHimself = sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(alexHimself.status()).as("alex's own authenticator still signs: " + alexHimself).isEqualTo(201);
    }

    @Test
    default void guessingTheSigningPasswordSpendsTheChallengeIsThrottledAuditedAndLocksSigning() throws Exception {
        long release = release(smallBaseline(), true);
        String digest = submit(release);
        Map<String, String> asAlex = Identities.basic(ALEX, PASSWORD);
        int refusedBefore = auditCount("signature.refused", "alex");
        try {
            String challenge = challenge(asAlex, release, digest);
            List<Reply> guesses = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 40 && System.nanoTime() - start < 10_000_000_000L; i++) {
                guesses.add(signAs(asAlex, release, digest, challenge, "guess number " + i,
                        OneTimeCodes.current(OneTimeCodes.DEMO_SECRETS.get(ALEX))));
            }
            assertThat(guesses).as("every guess is refused").allMatch(r -> r.status() >= 400 && r.status() < 500);
            assertThat(guesses.stream().filter(r -> r.status() == 403 && "password".equals(r.json().getString("field", ""))))
                    .as("at most 3 passwords are checked against one challenge").hasSizeLessThanOrEqualTo(3);
            assertThat(guesses.stream().filter(r -> r.status() == 429)).as("the rest are throttled or the challenge is spent")
                    .allMatch(r -> r.header("Retry-After") != null);
            // Once the throttle's wait is over, the right factors meet the spent challenge (on a fast machine every
            // guess above may have come within the wait, and been throttled before the challenge was looked at).
            Reply right = signAs(asAlex, release, digest, challenge, PASSWORD, OneTimeCodes.demo(ALEX));
            for (int wait = 0; right.status() == 429 && wait < 5; wait++) {
                Thread.sleep(Long.parseLong(right.header("Retry-After")) * 1000 + 50);
                right = signAs(asAlex, release, digest, challenge, PASSWORD, OneTimeCodes.demo(ALEX));
            }
            assertThat(right.status()).as("the spent challenge does not sign even with the right factors: " + right)
                    .isEqualTo(409);
            assertThat(auditCount("signature.refused", "alex") - refusedBefore).as("every refused attempt is audited")
                    .isGreaterThanOrEqualTo(guesses.size() + 1);
            assertThat(auditOf("signature.refused", "alex")).extracting(e -> e.getString("reason"))
                    .anyMatch(r -> r.contains("wrong password")).anyMatch(r -> r.contains("challenge spent"));

            Reply locked = null;
            for (int attempt = 0; attempt < 40; attempt++) {
                Reply r = signAs(asAlex, release, digest, challenge(asAlex, release, digest), "another guess",
                        OneTimeCodes.wrong(OneTimeCodes.DEMO_SECRETS.get(ALEX)));
                if (r.status() == 429) {
                    Thread.sleep(Long.parseLong(r.header("Retry-After")) * 1000 + 50);
                } else if (r.body().contains("locked")) {
                    locked = r;
                    break;
                }
            }
            assertThat(locked).as("signing locks after repeated failures").isNotNull();
            assertThat(locked.status()).isEqualTo(403);
            Reply stillLocked = signAs(asAlex, release, digest, challenge(asAlex, release, digest), PASSWORD,
                    OneTimeCodes.demo(ALEX));
            assertThat(stillLocked.status()).as("the right factors do not unlock it: " + stillLocked).isEqualTo(403);
            assertThat(stillLocked.json().getString("detail")).contains("locked", "administrator");

            for (Login login : List.of(Login.APPROVER, Login.SAFETY_MANAGER, Login.AUDITOR, Login.ML_ENGINEER)) {
                assertThat(api().post(login, "api/users/alex/signing-lock/release", "{\"reason\": \"mine\"}").status())
                        .as(login.name()).isEqualTo(403);
            }
            assertThat(api().post(Login.ADMIN, "api/users/alex/signing-lock/release", "{}").status())
                    .as("unlocking needs a reason").isEqualTo(400);
        } finally {
            api().post(Login.ADMIN, "api/users/alex/signing-lock/release",
                    "{\"reason\": \"alex confirmed the guesses were a test\"}");
        }
        assertThat(auditOf("signing.unlock", "alex")).isNotEmpty();
        Reply signed = sign(Login.APPROVER, release, "APPROVE_HIL", digest, PASSWORD);
        assertThat(signed.status()).as("alex signs again once unlocked: " + signed).isEqualTo(201);
    }

    @Test
    default void aSignerEnrolsTheirOwnAuthenticatorAndResettingItTakesTwoOtherPeople() throws Exception {
        String jo = Api.unique("jo");
        String adminSet = "set by the admin 2026";
        String own = "jo's own passphrase";
        assertThat(api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Jo Signer", "roles": ["APPROVER"], "password": "%s"}"""
                .formatted(jo, adminSet)).status()).isEqualTo(201);
        Reply beforeOwnPassword = api().send("POST", "api/users/me/authenticator", "{\"password\": \"" + adminSet + "\"}",
                Identities.basic(jo, adminSet));
        assertThat(beforeOwnPassword.status()).as("an administrator's password does not enrol").isEqualTo(403);
        assertThat(api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(adminSet, own), Identities.basic(jo, adminSet))
                .status()).isEqualTo(204);
        Map<String, String> asJo = Identities.basic(jo, own);
        long release = release(smallBaseline(), true);
        String digest = submit(release);

        Reply without = signAs(asJo, release, digest, challenge(asJo, release, digest), own, "123456");
        assertThat(without.status()).as("no authenticator, no signature: " + without).isEqualTo(403);
        assertThat(without.json().getString("detail")).contains("POST /api/users/me/authenticator");

        Reply enrolled = api().send("POST", "api/users/me/authenticator", "{\"password\": \"" + own + "\"}", asJo);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.header("Cache-Control")).isEqualTo("no-store");
        String secret = enrolled.json().getString("secret");
        assertThat(enrolled.json().getString("otpauthUri")).startsWith("otpauth://totp/Tracegate:" + jo + "?secret=" + secret);
        assertThat(enrolled.json().getString("qrCode")).startsWith("data:image/png;base64,");
        assertThat(api().send("POST", "api/users/me/authenticator/confirmation",
                "{\"code\": \"" + OneTimeCodes.wrong(secret) + "\"}", asJo).status()).isEqualTo(403);
        assertThat(api().send("POST", "api/users/me/authenticator/confirmation",
                "{\"code\": \"" + OneTimeCodes.fresh(secret) + "\"}", asJo).json().getString("state")).isEqualTo("ACTIVE");
        Reply state = api().send("GET", "api/users/me/authenticator", null, asJo);
        assertThat(state.json().getString("state")).isEqualTo("ACTIVE");
        assertThat(state.body()).as("the secret is never shown again").doesNotContain(secret);
        try (java.sql.Connection db = io.tracegate.it.TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement sql = db.prepareStatement("SELECT secret_sealed FROM signing_factor WHERE username = ?")) {
            sql.setString(1, jo);
            try (java.sql.ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("sealed at rest").doesNotContain(secret).startsWith("v1:");
            }
        }
        assertThat(api().send("POST", "api/users/" + jo + "/authenticator", "{\"password\": \"x\"}",
                Identities.basic("admin", PASSWORD)).status()).as("nobody enrols for someone else").isEqualTo(403);

        long second = release(smallBaseline(), true);
        String secondDigest = submit(second);
        String secondChallenge = challenge(asJo, second, secondDigest);
        String code = OneTimeCodes.fresh(secret);
        assertThat(signAs(asJo, release, digest, challenge(asJo, release, digest), own, code).status()).isEqualTo(201);
        Reply replayed = signAs(asJo, second, secondDigest, secondChallenge, own, code);
        assertThat(replayed.status()).as("a code signs once: " + replayed).isEqualTo(403);
        assertThat(replayed.json().getString("detail")).contains("already used");

        String resetBody = """
                {"reason": "jo lost the phone with the authenticator", "password": "%s", "code": "%s"}""";
        for (Login login : List.of(Login.APPROVER, Login.AUDITOR, Login.ML_ENGINEER, Login.SAFETY_ENGINEER)) {
            assertThat(api().post(login, "api/users/" + jo + "/authenticator/reset-request",
                    resetBody.formatted(PASSWORD, "000000")).status()).as(login.name()).isEqualTo(403);
        }
        assertThat(api().post(Login.ADMIN, "api/users/" + jo + "/authenticator/reset-request",
                resetBody.formatted(PASSWORD, OneTimeCodes.wrong(OneTimeCodes.DEMO_SECRETS.get("admin")))).status())
                .as("the requester proves who they are with their own authenticator").isEqualTo(403);
        Reply requested = api().post(Login.ADMIN, "api/users/" + jo + "/authenticator/reset-request",
                resetBody.formatted(PASSWORD, OneTimeCodes.demo("admin")));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String confirm = "{\"password\": \"%s\", \"code\": \"%s\"}";
        Reply sameAdmin = api().post(Login.ADMIN, "api/users/" + jo + "/authenticator/reset-request/confirmation",
                confirm.formatted(PASSWORD, OneTimeCodes.demo("admin")));
        assertThat(sameAdmin.status()).as("one person cannot be both: " + sameAdmin).isEqualTo(403);
        assertThat(api().post(Login.APPROVER, "api/users/" + jo + "/authenticator/reset-request/confirmation",
                confirm.formatted(PASSWORD, "000000")).status()).isEqualTo(403);
        assertThat(signAs(asJo, second, secondDigest, challenge(asJo, second, secondDigest), own, OneTimeCodes.fresh(secret))
                .status()).as("a requested reset changes nothing yet").isEqualTo(201);
        Reply confirmed = api().post(Login.SAFETY_MANAGER, "api/users/" + jo + "/authenticator/reset-request/confirmation",
                confirm.formatted(PASSWORD, OneTimeCodes.demo("kim")));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getString("state")).isEqualTo("NONE");
        assertThat(auditOf("authenticator.reset-requested", jo)).hasSize(1);
        assertThat(auditOf("authenticator.reset", jo)).singleElement()
                .satisfies(e -> assertThat(e.getString("reason")).contains("requested by admin", "confirmed by kim"));
        long third = release(smallBaseline(), true);
        String thirdDigest = submit(third);
        assertThat(signAs(asJo, third, thirdDigest, challenge(asJo, third, thirdDigest), own, OneTimeCodes.fresh(secret))
                .status()).as("the old authenticator no longer signs").isEqualTo(403);
        assertThat(Identities.enrolAuthenticator(api(), asJo, own)).as("jo enrols a new one").isNotEqualTo(secret);
    }
}
