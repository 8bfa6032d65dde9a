package io.tracegate.platform.failure;

/**
 * Base of every failure a user can cause. {@code field} names the offending input (a JSON path such as
 * {@code quantization.method}, a query parameter, or {@code body}) so a client can point at it.
 */
public abstract class Failure extends RuntimeException {

    private final String field;

    protected Failure(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input that caused the failure, or {@code null} when it is not about one input. */
    public String field() {
        return field;
    }
}
