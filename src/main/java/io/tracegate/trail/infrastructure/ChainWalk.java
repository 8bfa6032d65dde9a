package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.ChainCheck;

/**
 * Verifies audit events handed over one by one in seq order, keeping only the last seq and hash: the first
 * event is 1, each next one follows without a gap, its hash is what its content gives, and it links to
 * its predecessor's hash. The first break ends the walk.
 */
final class ChainWalk {

    private long last;
    private String lastHash = AuditEventHash.GENESIS;
    private String problem;

    /** @return whether the chain still holds */
    boolean accept(StoredEvent e) {
        if (problem != null) {
            return false;
        }
        if (e.seq() != last + 1) {
            problem = e.seq() > last + 1
                    ? "event " + (last + 1) + " is missing: the chain jumps from " + last + " to " + e.seq() + " (deleted)"
                    : "event " + e.seq() + " comes again after event " + last + " (reordered or duplicated)";
            return false;
        }
        if (!e.computedHash().equals(e.hash())) {
            problem = "event " + e.seq() + "'s content does not match its hash: it was edited after it was recorded";
            return false;
        }
        if (!lastHash.equals(e.previousHash())) {
            problem = "event " + e.seq() + " does not link to the hash of " + (last == 0 ? "the chain's start"
                    : "event " + last) + ": events were removed, reordered or inserted";
            return false;
        }
        last = e.seq();
        lastHash = e.hash();
        return true;
    }

    /** The outcome once every event up to {@code upTo} was offered. */
    ChainCheck finish(long upTo) {
        if (problem == null && last < upTo) {
            problem = "events " + (last + 1) + " to " + upTo + " are missing (deleted)";
        }
        return new ChainCheck(problem == null, last, last, last == 0 ? null : lastHash, problem);
    }

    long last() {
        return last;
    }
}
