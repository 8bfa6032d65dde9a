package io.tracegate.platform.failure;

import java.time.Duration;

/** Too many failed attempts in a row: the next one is accepted only after {@link #waitFor()}; nothing was checked. */
public class Throttled extends Failure {

    private final Duration waitFor;

    public Throttled(String field, String message, Duration waitFor) {
        super(field, message);
        this.waitFor = waitFor;
    }

    public Duration waitFor() {
        return waitFor;
    }
}
