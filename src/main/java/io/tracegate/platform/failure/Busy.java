package io.tracegate.platform.failure;

import java.time.Duration;

/**
 * The server declines work it has no room for right now (all upload slots taken): nothing was read or
 * changed, and the same request may be sent again after {@link #retryAfter()}.
 */
public class Busy extends Failure {

    private final Duration retryAfter;

    public Busy(String message, Duration retryAfter) {
        super(null, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
