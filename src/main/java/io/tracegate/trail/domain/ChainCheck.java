package io.tracegate.trail.domain;

/**
 * The audit chain verified from its first event up to the release's last event: every event's hash
 * recomputed from its content and linked to its predecessor's. Stopping at the release's last event (not
 * at the chain's current end) keeps the package the same while the release does not change.
 *
 * @param checkedUpTo the last event checked (0 when the release has no events)
 * @param hashAtEnd   the hash of that event; what later events chain onto
 * @param problem     the first break, in words; null when the chain holds
 */
public record ChainCheck(boolean valid, long checkedUpTo, long events, String hashAtEnd, String problem) {

    public static ChainCheck nothingToCheck() {
        return new ChainCheck(true, 0, 0, null, null);
    }
}
