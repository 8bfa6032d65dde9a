package io.tracegate.platform.failure;

/**
 * An uploaded body was refused while it streamed: wrong digest, cut off, or larger than allowed.
 * Nothing of it is kept.
 */
public class UploadRejected extends Failure {

    /** Why, so the web layer can choose 400 or 413. */
    public enum Reason { DIGEST_MISMATCH, TRUNCATED, TOO_LARGE }

    private final Reason reason;

    public UploadRejected(Reason reason, String field, String message) {
        super(field, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
