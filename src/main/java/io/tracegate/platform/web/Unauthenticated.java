package io.tracegate.platform.web;

import io.tracegate.platform.security.LoginMechanism;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 answer: a problem+json body plus the challenges that tell clients how to log in. */
public final class Unauthenticated {

    private Unauthenticated() {
    }

    static Response response() {
        return response("log in first: HTTP Basic, an API token (Authorization: Bearer) or a session "
                + "(POST /api/session)");
    }

    public static Response response(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthenticated", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, LoginMechanism.CHALLENGE)
                .header(HttpHeaders.WWW_AUTHENTICATE, LoginMechanism.BEARER_CHALLENGE)
                .build();
    }
}
