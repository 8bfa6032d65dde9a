package io.tracegate.trail.domain;

import java.util.Optional;

/**
 * The outcome of verifying a chain.
 *
 * @param events      how many events were checked (up to the first break)
 * @param head        the hash the chain ends with (the last checked event's, 64 zeros for an empty chain)
 * @param firstBroken the first event that does not verify; empty when the chain is valid
 */
public record ChainVerification(long events, String head, Optional<ChainBreak> firstBroken) {

    public boolean valid() {
        return firstBroken.isEmpty();
    }

    /** This outcome, unless it is valid: then the given break (found after the chain itself verified). */
    public ChainVerification orElseBroken(Optional<ChainBreak> laterBreak) {
        return valid() && laterBreak.isPresent() ? new ChainVerification(events, head, laterBreak) : this;
    }
}
