package io.tracegate.identity.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Set-up steps of the identity scenarios: fresh accounts, tokens, browser sessions, releases. */
public final class Identities {

    /** Long enough for the password rules. */
    static final String PASSWORD = "correct horse battery";

    private Identities() {
    }

    /** A fresh active account with {@link #PASSWORD}, created by the demo administrator; returns its name. */
    static String newUser(Api api, String... roles) {
        String username = Api.unique("u");
        Reply created = api.post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Test User %s", "roles": [%s], "password": "%s"}"""
                .formatted(username, username, String.join(", ", java.util.Arrays.stream(roles).map(r -> '"' + r + '"')
                        .toList()), PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    public static Map<String, String> basic(String username, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Issues a token for {@code account} as the demo administrator and returns the whole answer. */
    static JsonObject issueToken(Api api, String account, String expiry) {
        Reply issued = api.post(Login.ADMIN, "api/tokens", """
                {"account": "%s", "name": "scenario %s", "scope": "upload"%s}"""
                .formatted(account, Api.unique("t"), expiry == null ? "" : ", " + expiry));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json();
    }

    static String tokenOf(Api api, String account) {
        return issueToken(api, account, null).getString("token");
    }

    /** A browser session: its cookie header and its CSRF token. */
    record Session(String cookie, String csrf) {

        Map<String, String> headers() {
            return Map.of("Cookie", cookie);
        }

        Map<String, String> withCsrf() {
            return Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
        }

        Map<String, String> withCsrf(String origin) {
            Map<String, String> headers = new HashMap<>(withCsrf());
            headers.put("Origin", origin);
            return headers;
        }
    }

    static Reply login(Api api, String username, String password) {
        return api.send("POST", "api/session", """
                {"username": "%s", "password": "%s"}""".formatted(username, password), Map.of());
    }

    static Session session(Api api, String username, String password) {
        Reply reply = login(api, username, password);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String setCookie = reply.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("TRACEGATE_SESSION=")).findFirst().orElseThrow();
        return new Session(setCookie.substring(0, setCookie.indexOf(';')), reply.json().getString("csrfToken"));
    }

    /**
     * Enrols an authenticator for the account the headers log in as (with its own password) and confirms it with
     * a first code; returns the secret (Base32) the enrolment showed.
     */
    public static String enrolAuthenticator(Api api, Map<String, String> headers, String password) {
        Reply enrolled = api.send("POST", "api/users/me/authenticator", "{\"password\": \"" + password + "\"}", headers);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String secret = enrolled.json().getString("secret");
        Reply confirmed = api.send("POST", "api/users/me/authenticator/confirmation",
                "{\"code\": \"" + io.tracegate.it.OneTimeCodes.fresh(secret) + "\"}", headers);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getString("state")).isEqualTo("ACTIVE");
        return secret;
    }

    /** A fresh model with one DRAFT release, opened by the demo ML engineer; returns the release id. */
    static long newRelease(Api api) {
        String model = Api.unique("identity-model");
        assertThat(api.post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + model + "\"}").status()).isEqualTo(201);
        Reply release = api.post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"1.0.0\"}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return release.json().getJsonNumber("id").longValue();
    }

    /** Uploads {@code bytes} as an OTHER artifact with the given headers (e.g. a Bearer token). */
    static Reply upload(Api api, long release, String name, byte[] bytes, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/octet-stream");
        return api.send(Login.NOBODY, "PUT", "api/releases/" + release + "/artifacts/" + name + "?kind=OTHER&sha256="
                + sha256(bytes), BodyPublishers.ofByteArray(bytes), all);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
