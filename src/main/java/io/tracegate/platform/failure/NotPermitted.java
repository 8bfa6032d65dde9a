package io.tracegate.platform.failure;

/**
 * The caller has the right role but a rule forbids this particular act, e.g. reviewing evidence one
 * uploaded oneself (independence of verification).
 */
public class NotPermitted extends Failure {

    public NotPermitted(String field, String message) {
        super(field, message);
    }
}
