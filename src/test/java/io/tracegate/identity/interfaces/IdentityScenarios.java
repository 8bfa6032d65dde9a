package io.tracegate.identity.interfaces;

import io.tracegate.identity.interfaces.Identities.Session;
import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tracegate.identity.interfaces.Identities.PASSWORD;
import static io.tracegate.identity.interfaces.Identities.basic;
import static io.tracegate.identity.interfaces.Identities.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and logins end to end (API tokens: {@link TokenScenarios}): browser sessions need the CSRF token and
 * the server's own origin
 * for state changes; deactivated accounts are refused by every login method; every new endpoint refuses
 * a missing login (401) and a wrong role (403).
 */
public interface IdentityScenarios extends ApiScenarios {

    @Test
    default void aBrowserSessionChangesStateOnlyWithItsCsrfToken() {
        Reply login = Identities.login(api(), "mira", Login.DEMO_PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TRACEGATE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(cookie).as("plain HTTP here: not Secure").doesNotContainIgnoringCase("Secure");
        assertThat(login.json().getString("csrfToken")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(login.header("Cache-Control")).contains("no-store");
        Session session = Identities.session(api(), "mira", Login.DEMO_PASSWORD);

        JsonObject me = api().send("GET", "api/session", null, session.headers()).json();
        assertThat(me.getString("username")).isEqualTo("mira");
        assertThat(me.getString("printedName")).isEqualTo("Mira Okafor (ML engineer)");
        assertThat(me.getString("authentication")).isEqualTo("session");
        assertThat(me.getString("csrfToken")).isEqualTo(session.csrf());
        assertThat(api().send("GET", "api/models", null, session.headers()).status()).as("reads need no token")
                .isEqualTo(200);

        String name = Api.unique("csrf-model");
        Reply forged = api().send("POST", "api/models", "{\"name\": \"" + name + "\"}", session.headers());
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.json().getString("type")).endsWith("/csrf");
        Map<String, String> wrongToken = new HashMap<>(session.headers());
        wrongToken.put("X-CSRF-Token", session.csrf().substring(1) + "x");
        assertThat(api().send("POST", "api/models", "{\"name\": \"" + name + "\"}", wrongToken).status()).isEqualTo(403);
        assertThat(api().get(Login.AUDITOR, "api/models/" + name).status()).as("nothing created").isEqualTo(404);

        Reply made = api().send("POST", "api/models", "{\"name\": \"" + name + "\"}", session.withCsrf());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().getString("createdBy")).isEqualTo("mira");
    }

    @Test
    default void aCrossOriginRequestIsRefusedEvenWithAValidSessionAndToken() {
        Session session = Identities.session(api(), "mira", Login.DEMO_PASSWORD);
        String name = Api.unique("cross-origin");
        Reply refused = api().send("POST", "api/models", "{\"name\": \"" + name + "\"}",
                session.withCsrf("https://evil.example"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("type")).endsWith("/csrf");
        assertThat(refused.json().getString("field")).isEqualTo("Origin");
        assertThat(api().get(Login.AUDITOR, "api/models/" + name).status()).as("nothing created").isEqualTo(404);

        Map<String, String> basicFromElsewhere = new HashMap<>(Map.of("Authorization", Login.ML_ENGINEER.authorization()));
        basicFromElsewhere.put("Origin", "https://evil.example");
        assertThat(api().send("POST", "api/models", "{\"name\": \"" + name + "\"}", basicFromElsewhere).status())
                .as("remembered Basic credentials from another site").isEqualTo(403);

        Reply sameOrigin = api().send("POST", "api/models", "{\"name\": \"" + name + "\"}",
                session.withCsrf("http://localhost:" + api().port()));
        assertThat(sameOrigin.status()).as(sameOrigin.toString()).isEqualTo(201);
    }

    @Test
    default void loggingOutEndsTheSessionAndALoginReplacesTheSessionId() {
        Session first = Identities.session(api(), "sam", Login.DEMO_PASSWORD);
        Reply again = api().send("POST", "api/session", "{\"username\": \"sam\", \"password\": \"tracegate-demo\"}",
                first.headers());
        assertThat(again.status()).isEqualTo(200);
        String renewed = again.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TRACEGATE_SESSION="))
                .findFirst().orElseThrow();
        assertThat(renewed).doesNotStartWith(first.cookie() + ";");
        assertThat(api().send("GET", "api/session", null, first.headers()).status()).as("the old id is void")
                .isEqualTo(401);

        Session session = Identities.session(api(), "sam", Login.DEMO_PASSWORD);
        assertThat(api().send("DELETE", "api/session", null, session.headers()).status()).as("logout needs the token too")
                .isEqualTo(403);
        assertThat(api().send("DELETE", "api/session", null, session.withCsrf()).status()).isEqualTo(204);
        Reply after = api().send("GET", "api/session", null, session.headers());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");

        Reply wrong = Identities.login(api(), "sam", "not the password at all");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("TRACEGATE_SESSION="));
    }

    @Test
    default void aDeactivatedUserIsRefusedByBasicSessionAndToken() {
        String user = Identities.newUser(api(), "ML_ENGINEER");
        Map<String, String> basic = basic(user, PASSWORD);
        Session session = Identities.session(api(), user, PASSWORD);
        JsonObject issued = Identities.issueToken(api(), user, null);
        Map<String, String> token = bearer(issued.getString("token"));
        for (Map<String, String> login : List.of(basic, session.headers(), token)) {
            assertThat(api().send("GET", "api/models", null, login).status()).isEqualTo(200);
        }

        Reply deactivated = api().post(Login.ADMIN, "api/users/" + user + "/deactivate", "");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().getBoolean("active")).isFalse();
        assertThat(deactivated.json().getString("deactivatedBy")).isEqualTo("admin");

        assertThat(api().send("GET", "api/models", null, basic).status()).as("Basic").isEqualTo(401);
        assertThat(api().send("GET", "api/models", null, session.headers()).status()).as("session").isEqualTo(401);
        assertThat(api().send("GET", "api/models", null, token).status()).as("token").isEqualTo(401);
        assertThat(Identities.login(api(), user, PASSWORD).status()).as("new session").isEqualTo(401);
        assertThat(api().get(Login.ADMIN, "api/tokens/" + issued.getInt("id")).json().getString("state"))
                .as("its tokens are revoked").isEqualTo("REVOKED");

        JsonObject kept = api().get(Login.AUDITOR, "api/users/" + user).json();
        assertThat(kept.getString("printedName")).as("kept, never deleted").isEqualTo("Test User " + user);
        assertThat(api().post(Login.ADMIN, "api/users/" + user + "/deactivate", "").status()).isEqualTo(200);
        assertThat(api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Reuse", "roles": ["AUDITOR"], "password": "%s"}"""
                .formatted(user, PASSWORD)).status()).as("names are never reused").isEqualTo(409);
    }

    @Test
    default void administratorsCreateAccountsAndChangeTheirRoles() {
        String user = Api.unique("u");
        Reply created = api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Jo Petersen", "roles": ["APPROVER"], "password": "%s"}"""
                .formatted(user, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/users/" + user);
        JsonObject view = created.json();
        assertThat(view.getString("printedName")).isEqualTo("Jo Petersen");
        assertThat(view.getBoolean("active")).isTrue();
        assertThat(view.getBoolean("passwordChangeRequired")).as("set by an administrator").isTrue();
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("PBKDF2");

        Map<String, String> login = basic(user, PASSWORD);
        assertThat(api().send("POST", "api/models", "{\"name\": \"" + Api.unique("m") + "\"}", login).status())
                .isEqualTo(403);
        Reply changed = api().put(Login.ADMIN, "api/users/" + user + "/roles", "{\"roles\": [\"ML_ENGINEER\", \"APPROVER\"]}",
                Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api().send("POST", "api/models", "{\"name\": \"" + Api.unique("m") + "\"}", login).status())
                .as("the new role applies to the next request").isEqualTo(201);

        Reply listed = api().get(Login.SAFETY_MANAGER, "api/users?limit=500");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"" + user + "\"").contains("Mira Okafor");

        for (String bad : List.of(
                "{\"username\": \"%s\", \"printedName\": \"X\", \"roles\": [\"AUDITOR\"], \"password\": \"short\"}",
                "{\"username\": \"%s\", \"printedName\": \"X\", \"roles\": [\"AUDITOR\"], \"password\": \"%<s\"}",
                "{\"username\": \"%s\", \"printedName\": \"X\", \"roles\": [\"ROOT\"], \"password\": \"correct horse battery\"}",
                "{\"username\": \"%s\", \"printedName\": \"X\", \"roles\": [], \"password\": \"correct horse battery\"}",
                "{\"username\": \"%s\", \"roles\": [\"AUDITOR\"], \"password\": \"correct horse battery\"}")) {
            String name = Api.unique("bad");
            Reply refused = api().post(Login.ADMIN, "api/users", bad.formatted(name));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().containsKey("field")).isTrue();
            assertThat(api().get(Login.ADMIN, "api/users/" + name).status()).isEqualTo(404);
        }
        assertThat(api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Twice", "roles": ["AUDITOR"], "password": "%s"}"""
                .formatted(user, PASSWORD)).status()).isEqualTo(409);
    }

    @Test
    default void usersChangeTheirOwnPasswordAndOtherSessionsEnd() {
        String user = Identities.newUser(api(), "SAFETY_ENGINEER");
        Session here = Identities.session(api(), user, PASSWORD);
        Session elsewhere = Identities.session(api(), user, PASSWORD);
        String next = "a completely new passphrase";

        Reply wrongCurrent = api().send("PUT", "api/users/me/password", """
                {"currentPassword": "wrong wrong wrong", "newPassword": "%s"}""".formatted(next), here.withCsrf());
        assertThat(wrongCurrent.status()).as(wrongCurrent.toString()).isEqualTo(403);
        Reply tooShort = api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "short"}""".formatted(PASSWORD), here.withCsrf());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().getString("field")).isEqualTo("newPassword");
        // Issue 15 item 10: these three were accepted
        for (String weak : List.of("            ", "aaaaaaaaaaaa", "password1234")) {
            Reply refused = api().send("PUT", "api/users/me/password", """
                    {"currentPassword": "%s", "newPassword": "%s"}""".formatted(PASSWORD, weak), here.withCsrf());
            assertThat(refused.status()).as(weak + ": " + refused).isEqualTo(400);
            assertThat(refused.json().getString("field")).isEqualTo("newPassword");
            assertThat(refused.json().getString("detail")).containsAnyOf("repeat", "common");
        }

        Reply changed = api().send("PUT", "api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(PASSWORD, next), here.withCsrf());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(api().send("GET", "api/session", null, here.headers()).status()).as("this session").isEqualTo(200);
        assertThat(api().send("GET", "api/session", null, elsewhere.headers()).status()).as("other session")
                .isEqualTo(401);
        assertThat(api().send("GET", "api/models", null, basic(user, PASSWORD)).status()).isEqualTo(401);
        JsonObject me = api().send("GET", "api/users/me", null, basic(user, next)).json();
        assertThat(me.getBoolean("passwordChangeRequired")).isFalse();

        Reply reset = api().put(Login.ADMIN, "api/users/" + user + "/password", "{\"password\": \"" + PASSWORD + "\"}",
                Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().getBoolean("passwordChangeRequired")).as("a reset password does not sign").isTrue();
        assertThat(api().send("GET", "api/session", null, here.headers()).status()).as("reset ends sessions")
                .isEqualTo(401);
    }

    @Test
    default void everyIdentityEndpointRefusesNoLoginAnd403sTheWrongRoles() {
        String target = Identities.newUser(api(), "AUDITOR");
        long tokenId = Identities.issueToken(api(), "ci-nightly", null).getInt("id");
        String refusedName = Api.unique("r");
        String user = "{\"username\": \"" + refusedName + "\", \"printedName\": \"R\", \"roles\": [\"AUDITOR\"], "
                + "\"password\": \"" + PASSWORD + "\"}";
        String token = "{\"account\": \"ci-nightly\", \"name\": \"r\", \"scope\": \"upload\"}";
        List<Login> readers = List.of(Login.ADMIN, Login.SAFETY_MANAGER, Login.AUDITOR);
        List<Login> admins = List.of(Login.ADMIN);
        record Endpoint(String method, String path, String body, List<Login> allowed) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "api/users", null, readers),
                new Endpoint("GET", "api/users/" + target, null, readers),
                new Endpoint("POST", "api/users", user, admins),
                new Endpoint("PUT", "api/users/" + target + "/roles", "{\"roles\": [\"ADMIN\"]}", admins),
                new Endpoint("POST", "api/users/" + target + "/deactivate", "", admins),
                new Endpoint("PUT", "api/users/" + target + "/password", "{\"password\": \"x-" + PASSWORD + "\"}", admins),
                new Endpoint("GET", "api/tokens", null, admins),
                new Endpoint("POST", "api/tokens", token, admins),
                new Endpoint("GET", "api/tokens/" + tokenId, null, admins),
                new Endpoint("DELETE", "api/tokens/" + tokenId, null, admins),
                new Endpoint("GET", "api/users/me", null, null),
                new Endpoint("PUT", "api/users/me/password", "{\"currentPassword\": \"x\", \"newPassword\": \"y\"}", null),
                new Endpoint("GET", "api/session", null, null),
                new Endpoint("DELETE", "api/session", null, null));
        List<Login> everyone = List.of(Login.ADMIN, Login.ML_ENGINEER, Login.CI, Login.SAFETY_ENGINEER, Login.APPROVER,
                Login.SAFETY_MANAGER, Login.AUDITOR);
        for (Endpoint endpoint : endpoints) {
            String what = endpoint.method() + " " + endpoint.path();
            Reply anonymous = api().send(endpoint.method(), endpoint.path(), endpoint.body(), Map.of());
            assertThat(anonymous.status()).as(what).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).as(what).startsWith("application/problem+json");
            if (endpoint.allowed() == null) {
                continue;
            }
            for (Login login : everyone) {
                if (!endpoint.allowed().contains(login)) {
                    Reply refused = api().send(endpoint.method(), endpoint.path(), endpoint.body(),
                            Map.of("Authorization", login.authorization()));
                    assertThat(refused.status()).as(what + " as " + login).isEqualTo(403);
                }
            }
        }
        JsonObject untouched = api().get(Login.ADMIN, "api/users/" + target).json();
        assertThat(untouched.getBoolean("active")).isTrue();
        assertThat(untouched.getJsonArray("roles").getString(0)).isEqualTo("AUDITOR");
        assertThat(api().get(Login.ADMIN, "api/tokens/" + tokenId).json().getString("state")).isEqualTo("ACTIVE");
        assertThat(api().get(Login.AUDITOR, "api/users/" + refusedName).status()).as("no account created").isEqualTo(404);
    }

    @Test
    default void basicLoginsNeedNoCsrfTokenAndWhoAmISaysHowYouLoggedIn() {
        JsonObject me = api().get(Login.APPROVER, "api/session").json();
        assertThat(me.getString("username")).isEqualTo("alex");
        assertThat(me.getString("authentication")).isEqualTo("basic");
        assertThat(me.containsKey("csrfToken")).isFalse();
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("APPROVER");
        assertThat(api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + Api.unique("basic") + "\"}").status())
                .isEqualTo(201);
    }
}
