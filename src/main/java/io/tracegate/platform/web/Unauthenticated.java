package io.tracegate.platform.web;

import io.tracegate.platform.security.LoginMechanism;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 answer: a problem+json body plus the challenge that tells clients how to log in. */
final class Unauthenticated {

    private Unauthenticated() {
    }

    static Response response() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthenticated",
                        "log in first: HTTP Basic with a Tracegate account", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, LoginMechanism.CHALLENGE)
                .build();
    }
}
