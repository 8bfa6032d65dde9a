package io.tracegate.platform.web;

import jakarta.ws.rs.core.Response;

import java.time.Duration;

/** 429 for a login refused by the throttle, with the wait in Retry-After (whole seconds, rounded up). */
public final class TooManyAttempts {

    public static final int STATUS = 429;
    public static final String SLUG = "too-many-attempts";

    private TooManyAttempts() {
    }

    public static Response response(Duration wait) {
        return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS, SLUG, detail(wait), "password"))
                .header("Retry-After", seconds(wait)).build();
    }

    public static String detail(Duration wait) {
        return "too many failed logins for this user from your address: wait " + seconds(wait)
                + " s before trying again; the password was not checked";
    }

    public static String seconds(Duration wait) {
        long millis = Math.max(wait.toMillis(), 1);
        return String.valueOf((millis + 999) / 1000);
    }
}
