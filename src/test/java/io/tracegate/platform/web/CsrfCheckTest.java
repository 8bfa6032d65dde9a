package io.tracegate.platform.web;

import io.tracegate.platform.security.LoginMethod;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfCheckTest {

    private static final URI SELF = URI.create("http://localhost:8080/api/");
    private static final String TOKEN = "s3cr3t-csrf-token";

    private static Optional<CsrfCheck.Refusal> check(String method, String path, LoginMethod login, String presented,
                                                     String origin) {
        return CsrfCheck.refusal(method, path, login, login == LoginMethod.SESSION ? TOKEN : null, presented, origin,
                SELF, List.of("https://tracegate.example.com"));
    }

    @Test
    void safeMethodsAlwaysPassEvenCrossOrigin() {
        for (String method : List.of("GET", "HEAD", "OPTIONS", "get")) {
            assertThat(check(method, "models", LoginMethod.SESSION, null, "https://evil.example")).as(method).isEmpty();
        }
    }

    @Test
    void sessionStateChangesNeedTheSessionsToken() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Optional<CsrfCheck.Refusal> missing = check(method, "models", LoginMethod.SESSION, null, null);
            assertThat(missing).as(method).isPresent();
            assertThat(missing.get().header()).isEqualTo("X-CSRF-Token");
            assertThat(check(method, "models", LoginMethod.SESSION, "", null)).as(method).isPresent();
            assertThat(check(method, "models", LoginMethod.SESSION, TOKEN + "x", null)).as(method).isPresent();
            assertThat(check(method, "models", LoginMethod.SESSION, TOKEN.toUpperCase(), null)).as(method).isPresent();
            assertThat(check(method, "models", LoginMethod.SESSION, TOKEN, null)).as(method).isEmpty();
            assertThat(check(method, "models", LoginMethod.SESSION, TOKEN, "http://localhost:8080")).as(method).isEmpty();
        }
    }

    @Test
    void aSessionWithoutATokenOfItsOwnNeverPasses() {
        assertThat(CsrfCheck.refusal("POST", "models", LoginMethod.SESSION, null, "anything", null, SELF, List.of()))
                .isPresent();
    }

    @Test
    void basicBearerAndAnonymousRequestsNeedNoToken() {
        for (LoginMethod login : new LoginMethod[] {LoginMethod.BASIC, LoginMethod.TOKEN, null}) {
            assertThat(check("POST", "models", login, null, null)).as(String.valueOf(login)).isEmpty();
            assertThat(check("PUT", "releases/1/artifacts/x", login, null, null)).as(String.valueOf(login)).isEmpty();
        }
    }

    @Test
    void aForeignOriginIsRefusedForEveryLoginMethodEvenWithTheRightToken() {
        for (LoginMethod login : new LoginMethod[] {LoginMethod.SESSION, LoginMethod.BASIC, LoginMethod.TOKEN, null}) {
            for (String origin : List.of("https://evil.example", "http://localhost:8081", "https://localhost:8080",
                    "http://localhost.evil.example:8080", "null", "not a uri", "")) {
                Optional<CsrfCheck.Refusal> refusal = check("POST", "models", login, TOKEN, origin);
                assertThat(refusal).as(login + " from " + origin).isPresent();
                assertThat(refusal.get().header()).isEqualTo("Origin");
            }
        }
    }

    @Test
    void theServersOwnAndConfiguredOriginsPass() {
        assertThat(check("POST", "models", LoginMethod.BASIC, null, "http://LOCALHOST:8080")).isEmpty();
        assertThat(check("POST", "models", LoginMethod.SESSION, TOKEN, "https://tracegate.example.com")).isEmpty();
        assertThat(check("POST", "models", LoginMethod.SESSION, TOKEN, "https://tracegate.example.com:443")).isEmpty();
        assertThat(CsrfCheck.refusal("POST", "models", LoginMethod.BASIC, null, null, "https://tg.example",
                URI.create("https://tg.example:443/api/"), List.of())).isEmpty();
    }

    @Test
    void theLoginItselfNeedsNoTokenButStillTheRightOrigin() {
        assertThat(check("POST", "session", LoginMethod.SESSION, null, null)).isEmpty();
        assertThat(check("POST", "/session/", LoginMethod.SESSION, null, "http://localhost:8080")).isEmpty();
        assertThat(check("POST", "session", null, null, "https://evil.example")).isPresent();
        assertThat(check("DELETE", "session", LoginMethod.SESSION, null, null)).as("logout needs it").isPresent();
        assertThat(check("POST", "sessions", LoginMethod.SESSION, null, null)).isPresent();
    }
}
