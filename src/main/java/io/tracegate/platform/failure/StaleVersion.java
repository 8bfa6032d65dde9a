package io.tracegate.platform.failure;

/** The client edited a version of a record that someone else has changed since (If-Match failed). */
public class StaleVersion extends Failure {

    public StaleVersion(String message) {
        super("If-Match", message);
    }
}
