package io.tracegate.trail.infrastructure;

import io.tracegate.trail.domain.ChainCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's reading of the audit chain. The two hashes were computed by the audit trail's own
 * AuditChain (work in /work/wt-audit, "tracegate-audit-v1"), so this copy of the format cannot drift from it
 * unnoticed.
 */
class ChainWalkTest {

    static final String H1 = "b4a8f893171177c54f293c845b9fb15a09fed772d8459361bd26e3281493d16b";
    static final String H2 = "c58df6b4d0d3677f12e2546474295592b04a0bac247dd905b5854b15148e544d";

    static StoredEvent first() {
        return new StoredEvent(1, Instant.parse("2026-11-25T14:03:07.123456Z"), "mira", "release.transition",
                "release", "2", "DRAFT", "IN_REVIEW round 1 manifest abc", null, AuditEventHash.GENESIS, H1);
    }

    static StoredEvent second() {
        return new StoredEvent(2, Instant.parse("2026-11-25T14:05:00Z"), "kim", "release.waiver", "requirement",
                "2/MLR-X", "FAILED", "WAIVED until 2027-01-01T00:00:00Z", "Ünïcode reason ✓", H1, H2);
    }

    @Test
    void hashesEventsExactlyAsTheAuditTrailDoes() {
        assertThat(first().computedHash()).isEqualTo(H1);
        assertThat(second().computedHash()).isEqualTo(H2);
    }

    @Test
    void anIntactChainVerifiesUpToTheLastEvent() {
        ChainWalk walk = new ChainWalk();
        assertThat(walk.accept(first())).isTrue();
        assertThat(walk.accept(second())).isTrue();
        ChainCheck check = walk.finish(2);
        assertThat(check.valid()).isTrue();
        assertThat(check.checkedUpTo()).isEqualTo(2);
        assertThat(check.hashAtEnd()).isEqualTo(H2);
    }

    @Test
    void anEditedEventIsNamed() {
        StoredEvent edited = new StoredEvent(2, second().occurredAt(), "kim", "release.waiver", "requirement", "2/MLR-X",
                "FAILED", "WAIVED until 2099-01-01T00:00:00Z", second().reason(), H1, H2);
        ChainWalk walk = new ChainWalk();
        walk.accept(first());
        assertThat(walk.accept(edited)).isFalse();
        ChainCheck check = walk.finish(2);
        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).isEqualTo("event 2's content does not match its hash: it was edited after it was recorded");
        assertThat(check.checkedUpTo()).isEqualTo(1);
    }

    @Test
    void aDeletedEventIsNamed() {
        ChainWalk walk = new ChainWalk();
        assertThat(walk.accept(second())).isFalse();
        assertThat(walk.finish(2).problem()).startsWith("event 1 is missing");
    }

    @Test
    void eventsCutOffAtTheEndAreNamed() {
        ChainWalk walk = new ChainWalk();
        walk.accept(first());
        assertThat(walk.finish(2).problem()).isEqualTo("events 2 to 2 are missing (deleted)");
    }

    @Test
    void aRelinkedEventIsNamed() {
        StoredEvent relinked = new StoredEvent(2, second().occurredAt(), "kim", "release.waiver", "requirement",
                "2/MLR-X", "FAILED", "WAIVED until 2027-01-01T00:00:00Z", second().reason(), AuditEventHash.GENESIS,
                AuditEventHash.of(2, second().occurredAt(), "kim", "release.waiver", "requirement", "2/MLR-X", "FAILED",
                        "WAIVED until 2027-01-01T00:00:00Z", second().reason(), AuditEventHash.GENESIS));
        ChainWalk walk = new ChainWalk();
        walk.accept(first());
        assertThat(walk.accept(relinked)).isFalse();
        assertThat(walk.finish(2).problem()).contains("does not link to the hash of event 1");
    }
}
