-- Tracegate schema, part 5: the append-only, hash-chained audit trail.
-- Portable between PostgreSQL and H2 2.x. The PostgreSQL-only part (triggers that refuse UPDATE, DELETE
-- and TRUNCATE) is migrations/postgresql/V5_1__audit_immutable.sql, which Flyway runs on PostgreSQL only.
--
-- Every event carries the SHA-256 of its predecessor (64 zeros for the first), and its own hash over a
-- canonical serialisation of all its columns (see AuditChain). seq is NOT a database sequence: it is
-- assigned as audit_head.last_seq + 1 while audit_head's one row is locked (SELECT ... FOR UPDATE), so
-- the numbers are gapless, appends never fork the chain, and a missing or reordered row is detectable.
--
-- Values are bounded: a value longer than its column is recorded as "sha256:<hex of its UTF-8 bytes>"
-- (AuditValues), so the event still binds the exact value without storing it.

CREATE TABLE audit_event (
    seq           BIGINT                      PRIMARY KEY,
    occurred_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200)                NOT NULL,
    action        VARCHAR(100)                NOT NULL,
    subject_type  VARCHAR(50)                 NOT NULL,
    subject_id    VARCHAR(200)                NOT NULL,
    before_value  VARCHAR(2000),
    after_value   VARCHAR(2000),
    reason        VARCHAR(2000),
    previous_hash CHAR(64)                    NOT NULL,
    hash          CHAR(64)                    NOT NULL,
    -- two events with the same predecessor would be a fork of the chain
    CONSTRAINT audit_event_previous_uk UNIQUE (previous_hash),
    CONSTRAINT audit_event_seq_ck CHECK (seq > 0)
);

CREATE INDEX audit_event_subject_ix ON audit_event (subject_type, subject_id, seq);
CREATE INDEX audit_event_action_ix ON audit_event (action, seq);

-- The end of the chain: the last event's seq and hash. Its one row is the lock every append takes, and
-- verification compares the chain's end with it (events cut off at the end are detected here).
CREATE TABLE audit_head (
    id        INTEGER  PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_head_one_row_ck CHECK (id = 1)
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
