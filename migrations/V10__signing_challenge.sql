-- Tracegate schema, part 10: single-use signing challenges (threat T15). A challenge is issued to one person
-- for one release, manifest digest and review round, for a few minutes; a signature or waiver spends it.
-- Only the SHA-256 of the secret is kept.

CREATE SEQUENCE signing_challenge_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE signing_challenge (
    id               BIGINT PRIMARY KEY,
    release_id       BIGINT       NOT NULL REFERENCES model_release (id),
    signer           VARCHAR(64)  NOT NULL,
    manifest_digest  CHAR(64)     NOT NULL,
    review_round     INTEGER      NOT NULL,
    challenge_sha256 CHAR(64)     NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT signing_challenge_secret_uk UNIQUE (challenge_sha256),
    CONSTRAINT signing_challenge_time_ck CHECK (expires_at > issued_at)
);
