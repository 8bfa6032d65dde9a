package io.tracegate.trail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row that records the end of the chain. Every append locks it (pessimistic write lock), takes
 * the next seq from it and moves it on, so appends are serialised and the chain never forks; verification
 * compares the chain's last event with it.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    /** The id of the only row. */
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    public ChainHead head() {
        return new ChainHead(lastSeq, lastHash);
    }

    /** Moves the head to {@code event}, which must follow it directly. */
    public void advance(AuditEvent event) {
        if (event.seq() != lastSeq + 1 || !event.previousHash().equals(lastHash)) {
            throw new IllegalStateException("event " + event.seq() + " does not follow the head " + lastSeq);
        }
        lastSeq = event.seq();
        lastHash = event.hash();
    }
}
