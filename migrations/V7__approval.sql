-- Tracegate schema, part 7: the review round of a release and its manifest digest, electronic
-- signatures and waivers. Signatures and waivers are append-only: a signature over content that was later
-- reopened is obsolete because its round is no longer the release's round, never because a row changed.

ALTER TABLE model_release ADD COLUMN review_round INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE model_release ADD COLUMN manifest_digest CHAR(64);
ALTER TABLE model_release ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE model_release ADD COLUMN status_changed_by VARCHAR(64);
ALTER TABLE model_release ADD COLUMN status_reason VARCHAR(1000);

CREATE SEQUENCE signature_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE waiver_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE signature (
    id              BIGINT PRIMARY KEY,
    release_id      BIGINT        NOT NULL REFERENCES model_release (id),
    review_round    INTEGER       NOT NULL,
    manifest_digest CHAR(64)      NOT NULL,
    signer          VARCHAR(64)   NOT NULL,
    printed_name    VARCHAR(200)  NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    meaning         VARCHAR(30)   NOT NULL,
    comment_text    VARCHAR(2000),
    gate_green      BOOLEAN       NOT NULL,
    -- One signature per person per round: a double click or a retried request cannot sign twice.
    CONSTRAINT signature_once_uk UNIQUE (release_id, review_round, signer)
);

CREATE TABLE waiver (
    id              BIGINT PRIMARY KEY,
    release_id      BIGINT        NOT NULL REFERENCES model_release (id),
    review_round    INTEGER       NOT NULL,
    manifest_digest CHAR(64)      NOT NULL,
    req_id          VARCHAR(100)  NOT NULL,
    verdict_waived  VARCHAR(12)   NOT NULL,
    justification   VARCHAR(4000) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    signer          VARCHAR(64)   NOT NULL,
    printed_name    VARCHAR(200)  NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT waiver_once_uk UNIQUE (release_id, review_round, req_id)
);

CREATE INDEX signature_release_ix ON signature (release_id);
CREATE INDEX waiver_release_ix ON waiver (release_id);
