package io.tracegate.trail.domain;

import java.util.Optional;

/**
 * Checks a chain event by event, in seq order, keeping only the last event's seq and hash: millions of
 * events verify in constant memory. Per event, in this order: its seq follows the last one's, its content
 * matches its hash, its previous hash is the last one's hash. At the end the chain must end exactly at
 * the recorded head. The first failure is kept and later events are ignored.
 */
public final class ChainVerifier {

    private long events;
    private long lastSeq;
    private String lastHash = AuditChain.GENESIS_HASH;
    private ChainBreak broken;

    ChainVerifier() {
    }

    /**
     * Checks the next event.
     *
     * @return whether the chain still holds (a caller may stop reading once it does not)
     */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        long expected = lastSeq + 1;
        if (event.seq() > expected) {
            broken = new ChainBreak(expected, ChainBreak.Problem.SEQ_GAP, (event.seq() == expected + 1
                    ? "event " + expected + " is missing"
                    : "events " + expected + " to " + (event.seq() - 1) + " are missing")
                    + ": the chain jumps from " + lastSeq + " to " + event.seq() + " (deleted)");
            return false;
        }
        if (event.seq() < expected) {
            broken = new ChainBreak(event.seq(), ChainBreak.Problem.SEQ_OUT_OF_ORDER, "event " + event.seq()
                    + " comes after event " + lastSeq + " (reordered or duplicated)");
            return false;
        }
        events++;
        if (!event.computedHash().equals(event.hash())) {
            broken = new ChainBreak(event.seq(), ChainBreak.Problem.CONTENT_CHANGED, "event " + event.seq()
                    + "'s content does not match its hash: it was edited after it was recorded");
            return false;
        }
        if (!lastHash.equals(event.previousHash())) {
            broken = new ChainBreak(event.seq(), ChainBreak.Problem.PREVIOUS_HASH_MISMATCH, "event " + event.seq()
                    + "'s previous hash is not the hash of " + (lastSeq == 0 ? "the chain's start (64 zeros)"
                    : "event " + lastSeq) + ": events were removed, reordered or inserted, or event " + lastSeq
                    + " was rewritten");
            return false;
        }
        lastSeq = event.seq();
        lastHash = event.hash();
        return true;
    }

    /** The outcome, comparing the chain's end with the head the trail recorded. */
    public ChainVerification finish(ChainHead recorded) {
        if (broken == null) {
            if (recorded.seq() > lastSeq) {
                broken = new ChainBreak(lastSeq + 1, ChainBreak.Problem.TRUNCATED, "the head records "
                        + recorded.seq() + " events but the chain ends at " + lastSeq + ": events " + (lastSeq + 1)
                        + " to " + recorded.seq() + " were removed");
            } else if (recorded.seq() < lastSeq) {
                broken = ChainBreak.beyondHead(recorded.seq() + 1, recorded.seq());
            } else if (!recorded.hash().equals(lastHash)) {
                broken = new ChainBreak(lastSeq, ChainBreak.Problem.HEAD_MISMATCH, "event " + lastSeq
                        + "'s hash is not the recorded head's: the end of the chain was rewritten");
            }
        }
        return new ChainVerification(events, lastHash, Optional.ofNullable(broken));
    }
}
