package io.tracegate.trail.domain;

/**
 * Where a chain stops holding: the first broken event's seq, what is wrong with it, and a sentence saying so.
 *
 * @param seq the first event that does not verify (for missing events, the first missing seq)
 */
public record ChainBreak(long seq, Problem problem, String detail) {

    /** Events from {@code seq} on exist although the recorded head ends at {@code headSeq}. */
    public static ChainBreak beyondHead(long seq, long headSeq) {
        return new ChainBreak(seq, Problem.BEYOND_HEAD, "event " + seq + " lies beyond the recorded head ("
                + headSeq + "): it was added behind the application's back");
    }

    /** The ways a chain breaks. */
    public enum Problem {
        /** The event's content no longer matches its hash: it was edited. */
        CONTENT_CHANGED,
        /** The event's previous hash is not its predecessor's hash: events were removed, reordered or inserted. */
        PREVIOUS_HASH_MISMATCH,
        /** Sequence numbers jump: events were deleted. */
        SEQ_GAP,
        /** A sequence number repeats or goes back: events were reordered or duplicated. */
        SEQ_OUT_OF_ORDER,
        /** The chain ends before the recorded head: events at the end were removed. */
        TRUNCATED,
        /** The chain's last event is not the recorded head: the end of the chain was rewritten. */
        HEAD_MISMATCH,
        /** Events exist beyond the recorded head: they were added behind the application's back. */
        BEYOND_HEAD
    }
}
