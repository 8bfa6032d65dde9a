package io.tracegate.platform.failure;

/** A value the user supplied breaks a rule of its own (format, range, missing). */
public class InvalidInput extends Failure {

    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
