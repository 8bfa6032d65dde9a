package io.tracegate.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 answer: a problem+json body plus the challenges that tell clients how to log in. */
public final class Unauthenticated {

    /** The challenge every 401 carries, from the login mechanism and from the endpoints' role check. */
    public static final String CHALLENGE = "Basic realm=\"tracegate\", charset=\"UTF-8\"";
    /** The second challenge, for API tokens (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"tracegate\"";

    private Unauthenticated() {
    }

    static Response response() {
        return response("log in first: HTTP Basic, an API token (Authorization: Bearer) or a session "
                + "(POST /api/session)");
    }

    public static Response response(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthenticated", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .build();
    }
}
