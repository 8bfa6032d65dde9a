package io.tracegate.platform.web;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.platform.security.Roles;
import io.tracegate.platform.web.ServedEndpoints.Endpoint;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API (found by reflection, {@link ServedEndpoints}) against hostile input: no login, a
 * wrong role, malformed and deep JSON, huge numbers and very long strings in every field the endpoint asks for,
 * absurd paging, and path segments with NUL, backslash, invalid UTF-8, dot-dot, a bidi override and 4,000
 * characters. Nothing may answer 5xx, and every 4xx is problem+json. The sweep runs as accounts of its own, so
 * whatever it provokes (throttling, failed password checks) touches nobody else.
 */
public interface HostileInputScenarios extends ApiScenarios {

    String SWEEP_PASSWORD = "sweep passphrase 2026";
    List<String> SIX_ROLES = List.of(Roles.ADMIN, Roles.ML_ENGINEER, Roles.SAFETY_ENGINEER, Roles.APPROVER,
            Roles.SAFETY_MANAGER, Roles.AUDITOR);
    List<String> HOSTILE_SEGMENTS = List.of("0", "-1", "99999999999999999999", "abc", "..", "%2e%2e", "%E2%80%AEexe.bin",
            "%20", "a".repeat(4000), "%00", "%5c", "%ff");
    /** The container refuses these in a path before any application code runs (see README, Limits that remain). */
    Set<String> REFUSED_BY_THE_CONTAINER = Set.of("%00", "%5c", "%ff");
    List<String> HOSTILE_QUERIES = List.of("limit=abc", "offset=-1", "limit=99999999999999999999", "offset=abc&limit=-5",
            "limit=1e3", "offset=%00");
    String HUGE = "123456789012345678901234567890e999999";

    @Test
    default void noEndpointAnswers5xxOrAnythingButProblemJsonToHostileInput() {
        Map<String, Map<String, String>> sessions = sweepSessions();
        Map<String, String> values = realValues();
        List<Endpoint> endpoints = ServedEndpoints.all();
        assertThat(endpoints).as("the sweep finds the API").hasSizeGreaterThan(40);
        List<String> findings = new ArrayList<>();
        for (Endpoint e : endpoints) {
            String path = fill(e, values, null, null);
            check(findings, e, "no login", send(e.method(), path, e.json() ? "{}" : "", Map.of()),
                    e.roles().isEmpty() ? null : 401);
            SIX_ROLES.stream().filter(r -> !e.roles().isEmpty() && !e.roles().contains(r)
                    && !e.roles().contains(Roles.ANY_ROLE)).findFirst().ifPresent(wrong -> check(findings, e,
                    "wrong role " + wrong, send(e.method(), path, e.json() ? "{}" : "", sessions.get(wrong)), 403));
            Map<String, String> caller = callerFor(e, sessions);
            for (String parameter : e.parameters()) {
                for (String hostile : HOSTILE_SEGMENTS) {
                    Reply reply = send(e.method(), fill(e, values, parameter, hostile), bodyFor(e), caller);
                    if (REFUSED_BY_THE_CONTAINER.contains(hostile) && reply.status() == 400 && reply.body().isEmpty()) {
                        continue;
                    }
                    check(findings, e, parameter + "=" + shortened(hostile), reply, null);
                }
            }
            for (String query : HOSTILE_QUERIES) {
                if (!e.queries().isEmpty()) {
                    check(findings, e, "?" + query, send(e.method(), path + "?" + query, bodyFor(e), caller), null);
                }
            }
            if (e.json()) {
                for (String body : List.of("{\"a\": ", "[" .repeat(5000) + "]".repeat(5000), "null", "\"text\"",
                        "{\"a\": 1, \"a\": 2}")) {
                    check(findings, e, "body " + shortened(body), send(e.method(), path, body, caller), null);
                }
                sweepFields(findings, e, path, caller);
            }
        }
        assertThat(findings).as("answers to hostile input that were a 5xx or not problem+json").isEmpty();
    }

    /**
     * Learns the fields an endpoint asks for from its own 400s (each names the field), filling each with a huge
     * number, then sends them all again as very long strings with a bidi override.
     */
    private void sweepFields(List<String> findings, Endpoint e, String path, Map<String, String> caller) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int round = 0; round < 8; round++) {
            Reply reply = send(e.method(), path, json(fields, HUGE), caller);
            check(findings, e, "huge numbers in " + fields.keySet(), reply, null);
            String field = reply.status() == 400 && isProblem(reply) ? reply.json().getString("field", null) : null;
            if (field == null || field.equals("body") || fields.containsKey(field)) {
                break;
            }
            fields.put(field, HUGE);
        }
        String longText = "\"" + "\u202e".repeat(3) + "x".repeat(70_000) + "\"";
        check(findings, e, "long strings in " + fields.keySet(), send(e.method(), path, json(fields, longText), caller),
                null);
        check(findings, e, "negative numbers in " + fields.keySet(), send(e.method(), path, json(fields, "-1"), caller),
                null);
    }

    /**
     * A small body where the endpoint takes one. DELETE goes without, as clients send it: a DELETE with a body got
     * an empty 400 that no application code wrote (found by this sweep; see README, Limits that remain).
     */
    private static String bodyFor(Endpoint e) {
        return e.json() ? "{}" : e.method().equals("DELETE") || e.method().equals("GET") ? "" : "x";
    }

    private static String json(Map<String, String> fields, String value) {
        StringBuilder body = new StringBuilder("{");
        fields.keySet().forEach(f -> body.append(body.length() > 1 ? ", " : "").append('"').append(f).append("\": ")
                .append(value));
        return body.append('}').toString();
    }

    private static void check(List<String> findings, Endpoint e, String input, Reply reply, Integer expected) {
        String what = e + " with " + input + ": " + reply.status() + " " + shortened(reply.body());
        if (reply.status() >= 500) {
            findings.add(what);
        } else if (reply.status() >= 400 && !isProblem(reply)) {
            findings.add("not problem+json: " + what);
        } else if (expected != null && reply.status() != expected) {
            findings.add("expected " + expected + ": " + what);
        }
    }

    private static boolean isProblem(Reply reply) {
        return reply.header("Content-Type") != null && reply.header("Content-Type").startsWith("application/problem+json");
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }

    /** The endpoint's path with real values, and {@code hostile} in place of {@code parameter} (raw, not encoded). */
    private static String fill(Endpoint e, Map<String, String> values, String parameter, String hostile) {
        java.util.regex.Matcher m = ServedEndpoints.PARAMETER.matcher(e.template());
        StringBuilder path = new StringBuilder("api/");
        while (m.find()) {
            String name = m.group(1).trim();
            // A token id nobody holds: the sweep must not revoke the demo's tokens by a coincidence of ids.
            String real = e.template().startsWith("tokens") ? "999999999" : values.getOrDefault(name, "1");
            m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(name.equals(parameter) ? hostile : real));
        }
        m.appendTail(path);
        return path.toString().replace("api//", "api/");
    }

    /** Real ids and names, so hostile bodies and queries reach the code behind the lookups. */
    private Map<String, String> realValues() {
        String model = Api.unique("sweep");
        assertThat(api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + model + "\"}").status()).isEqualTo(201);
        JsonObject release = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"1.0.0\"}")
                .json();
        Map<String, String> values = new HashMap<>();
        values.put("id", release.getJsonNumber("id").toString());
        values.put("name", model);
        values.put("fileName", "sweep.bin");
        String victim = Api.unique("sweep-victim");
        assertThat(api().post(Login.ADMIN, "api/users", """
                {"username": "%s", "printedName": "Sweep Victim", "roles": ["AUDITOR"], "password": "%s"}"""
                .formatted(victim, SWEEP_PASSWORD)).status()).isEqualTo(201);
        values.put("username", victim);
        return values;
    }

    /** One browser session per role, for accounts only the sweep uses (no PBKDF2 per request, no shared throttle). */
    private Map<String, Map<String, String>> sweepSessions() {
        Map<String, Map<String, String>> sessions = new HashMap<>();
        for (String role : SIX_ROLES) {
            String user = Api.unique("sweep-" + role.toLowerCase().replace('_', '-'));
            Reply created = api().post(Login.ADMIN, "api/users", """
                    {"username": "%s", "printedName": "Sweep %s", "roles": ["%s"], "password": "%s"}"""
                    .formatted(user, role, role, SWEEP_PASSWORD));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Reply login = api().send("POST", "api/session", """
                    {"username": "%s", "password": "%s"}""".formatted(user, SWEEP_PASSWORD), Map.of());
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            String cookie = login.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("TRACEGATE_SESSION=")).findFirst().orElseThrow();
            sessions.put(role, Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')),
                    "X-CSRF-Token", login.json().getString("csrfToken")));
        }
        return sessions;
    }

    /** A caller the endpoint admits; logging out is swept with a session of its own so the others stay. */
    private Map<String, String> callerFor(Endpoint e, Map<String, Map<String, String>> sessions) {
        if (e.method().equals("DELETE") && e.template().startsWith("session")) {
            return Map.of("Authorization", Login.AUDITOR.authorization());
        }
        if (e.roles().isEmpty() || e.roles().contains(Roles.ANY_ROLE)) {
            return sessions.get(Roles.AUDITOR);
        }
        return sessions.get(e.roles().get(0));
    }

    /** Sends the path as written (no normalisation of dot segments, unlike URI.resolve). */
    private Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api().base().toString().replaceAll("/$", "")
                        + "/" + path)).timeout(Duration.ofSeconds(60))
                .method(method, method.equals("GET") || method.equals("DELETE") && body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET") && !body.isEmpty()) {
            request.header("Content-Type", body.equals("x") ? "application/octet-stream" : "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            return new Reply(599, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "I/O: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
}
