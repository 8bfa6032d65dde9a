package io.tracegate.platform.failure;

/** The request is well-formed but clashes with the current state (a duplicate, a frozen release). */
public class Conflict extends Failure {

    public Conflict(String field, String message) {
        super(field, message);
    }
}
