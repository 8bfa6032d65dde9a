package io.tracegate.identity.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.tracegate.identity.interfaces.Identities.PASSWORD;
import static io.tracegate.identity.interfaces.Identities.basic;
import static io.tracegate.identity.interfaces.Identities.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens end to end: a CI token uploads as its account with the upload scope only and never administers or
 * reviews; the secret is answered once and stored as a hash; issuing checks account, scope and expiry; revoked,
 * expired and unknown tokens get 401 and revoked ones keep their record.
 */
public interface TokenScenarios extends ApiScenarios {

    @Test
    default void aCiTokenUploadsAnArtifactAsItsAccountWithOnlyTheUploadScope() {
        String token = Identities.tokenOf(api(), "ci-nightly");
        long release = Identities.newRelease(api());

        Reply uploaded = Identities.upload(api(), release, "token-upload.bin", new byte[] {1, 2, 3}, bearer(token));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().getString("uploadedBy")).isEqualTo("ci-nightly");
        assertThat(api().send("GET", "api/releases/" + release + "/artifacts", null, bearer(token)).status())
                .as("tokens read what ML engineers read").isEqualTo(200);

        JsonObject me = api().send("GET", "api/session", null, bearer(token)).json();
        assertThat(me.getString("username")).isEqualTo("ci-nightly");
        assertThat(me.getString("authentication")).isEqualTo("token");
        assertThat(me.getString("tokenScope")).isEqualTo("upload");
        assertThat(me.getJsonArray("roles").getValuesAs(JsonValue::toString)).containsExactly("\"ML_ENGINEER\"");
        assertThat(me.containsKey("csrfToken")).isFalse();
    }

    @Test
    default void aTokenNeverAdministersReviewsOrChangesPasswordsEvenForAnAccountThatMay() {
        String powerful = Identities.newUser(api(), "ADMIN", "ML_ENGINEER", "SAFETY_ENGINEER", "APPROVER",
                "SAFETY_MANAGER");
        Map<String, String> token = bearer(Identities.tokenOf(api(), powerful));
        assertThat(api().get(Login.NOBODY, "api/models").status()).isEqualTo(401);

        String victim = Api.unique("u");
        Reply createUser = api().send("POST", "api/users", """
                {"username": "%s", "printedName": "Nope", "roles": ["ADMIN"], "password": "%s"}"""
                .formatted(victim, PASSWORD), token);
        assertThat(createUser.status()).as(createUser.toString()).isEqualTo(403);
        assertThat(api().get(Login.AUDITOR, "api/users/" + victim).status()).as("nobody created").isEqualTo(404);

        assertThat(api().send("GET", "api/tokens", null, token).status()).isEqualTo(403);
        assertThat(api().send("POST", "api/tokens", "{\"account\": \"" + powerful + "\", \"name\": \"more\", "
                + "\"scope\": \"upload\"}", token).status()).isEqualTo(403);
        assertThat(api().send("PUT", "api/users/" + powerful + "/roles", "{\"roles\": [\"AUDITOR\"]}", token).status())
                .isEqualTo(403);
        assertThat(api().send("POST", "api/releases/1/evidence/1/reviews", "{\"decision\": \"ACCEPTED\"}", token)
                .status()).as("reviewing evidence").isEqualTo(403);
        assertThat(api().send("POST", "api/baselines/git", "{\"repository\": \"x\", \"ref\": \"main\"}", token)
                .status()).as("importing requirements").isEqualTo(403);
        Reply password = api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "another long password"}""".formatted(PASSWORD), token);
        assertThat(password.status()).as(password.toString()).isEqualTo(403);
        assertThat(api().send("GET", "api/users/me", null, basic(powerful, PASSWORD)).json()
                .getBoolean("passwordChangeRequired")).as("password unchanged").isTrue();

        long release = Identities.newRelease(api());
        assertThat(Identities.upload(api(), release, "allowed.bin", new byte[] {7}, token).status())
                .as("but it uploads").isEqualTo(201);
    }

    @Test
    default void theSecretIsAnsweredOnceAndStoredOnlyAsAHash() {
        JsonObject issued = Identities.issueToken(api(), "ci-nightly", "\"validDays\": 30");
        String secret = issued.getString("token");
        assertThat(secret).startsWith("tg_").hasSize(46).startsWith(issued.getString("prefix"));
        assertThat(issued.getString("state")).isEqualTo("ACTIVE");
        assertThat(Instant.parse(issued.getString("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        int id = issued.getInt("id");
        Reply one = api().get(Login.ADMIN, "api/tokens/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().containsKey("token")).isFalse();
        assertThat(one.body()).doesNotContain(secret);
        Reply all = api().get(Login.ADMIN, "api/tokens?limit=500");
        assertThat(all.body()).contains(issued.getString("prefix")).doesNotContain(secret);
    }

    @Test
    default void issuingATokenChecksAccountScopeAndExpiry() {
        assertThat(api().post(Login.ADMIN, "api/tokens", "{\"account\": \"nobody-here\", \"name\": \"x\", "
                + "\"scope\": \"upload\"}").json().getString("field")).isEqualTo("account");
        Reply auditor = api().post(Login.ADMIN, "api/tokens", "{\"account\": \"ada\", \"name\": \"x\", \"scope\": \"upload\"}");
        assertThat(auditor.status()).as("an auditor has no role the upload scope grants").isEqualTo(409);
        Reply scope = api().post(Login.ADMIN, "api/tokens", "{\"account\": \"ci-nightly\", \"name\": \"x\", \"scope\": \"admin\"}");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.json().getString("field")).isEqualTo("scope");
        Reply past = api().post(Login.ADMIN, "api/tokens", "{\"account\": \"ci-nightly\", \"name\": \"x\", "
                + "\"scope\": \"upload\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().getString("field")).isEqualTo("expiresAt");
        assertThat(api().post(Login.ADMIN, "api/tokens", "{\"account\": \"ci-nightly\", \"name\": \"x\", "
                + "\"scope\": \"upload\", \"validDays\": 400}").status()).isEqualTo(400);
    }

    @Test
    default void aRevokedTokenGets401AtOnceAndKeepsItsRecord() {
        JsonObject issued = Identities.issueToken(api(), "ci-nightly", null);
        Map<String, String> token = bearer(issued.getString("token"));
        assertThat(api().send("GET", "api/models", null, token).status()).isEqualTo(200);

        Reply revoked = api().send("DELETE", "api/tokens/" + issued.getInt("id"), null,
                Map.of("Authorization", Login.ADMIN.authorization()));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().getString("state")).isEqualTo("REVOKED");
        assertThat(revoked.json().getString("revokedBy")).isEqualTo("admin");

        Reply refused = api().send("GET", "api/models", null, token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        long release = Identities.newRelease(api());
        assertThat(Identities.upload(api(), release, "late.bin", new byte[] {1}, token).status()).isEqualTo(401);
        assertThat(api().get(Login.ADMIN, "api/tokens/" + issued.getInt("id")).json().getString("state"))
                .isEqualTo("REVOKED");
    }

    @Test
    default void anExpiredOrUnknownTokenGets401() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        JsonObject issued = Identities.issueToken(api(), "ci-nightly", "\"expiresAt\": \"" + expiry + "\"");
        Map<String, String> token = bearer(issued.getString("token"));
        assertThat(api().send("GET", "api/models", null, token).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1000);
        assertThat(api().send("GET", "api/models", null, token).status()).isEqualTo(401);
        assertThat(api().get(Login.ADMIN, "api/tokens/" + issued.getInt("id")).json().getString("state"))
                .isEqualTo("EXPIRED");

        String secret = issued.getString("token");
        String other = secret.substring(0, 20) + (secret.charAt(20) == 'A' ? 'B' : 'A') + secret.substring(21);
        for (String wrong : List.of(other, "tg_short", "not-a-token", "")) {
            Reply refused = api().send("GET", "api/models", null, bearer(wrong));
            assertThat(refused.status()).as(wrong).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
