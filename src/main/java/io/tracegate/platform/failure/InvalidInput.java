package io.tracegate.platform.failure;

/** A value the user supplied breaks a rule of its own (format, range, missing). */
public class InvalidInput extends Failure {

    public InvalidInput(String field, String message) {
        super(field, message);
    }

    /** The same failure, with the field nested under a parent path ({@code recipe} + {@code precision}). */
    public InvalidInput under(String parent) {
        String nested = field() == null ? parent : parent + "." + field();
        return new InvalidInput(nested, getMessage());
    }
}
