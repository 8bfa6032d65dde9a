-- Tracegate schema, part 2: immutable requirement baselines, the release's baseline, verification links.

CREATE SEQUENCE requirement_baseline_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE requirement_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE verification_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE requirement_baseline (
    id                BIGINT PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    source_kind       VARCHAR(10)   NOT NULL,
    source_location   VARCHAR(1000) NOT NULL,
    source_ref        VARCHAR(200),
    source_revision   VARCHAR(64)   NOT NULL,
    imported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by       VARCHAR(64)   NOT NULL,
    requirement_count INTEGER       NOT NULL
);

CREATE TABLE requirement (
    pk                  BIGINT PRIMARY KEY,
    baseline_id         BIGINT        NOT NULL REFERENCES requirement_baseline (id),
    req_id              VARCHAR(100)  NOT NULL,
    title               VARCHAR(500)  NOT NULL,
    asil                VARCHAR(2)    NOT NULL,
    kind                VARCHAR(40)   NOT NULL,
    verification_method VARCHAR(20),
    verification_level  VARCHAR(20),
    body                VARCHAR(20000),
    source_path         VARCHAR(1000),
    source_version      VARCHAR(64),
    fingerprint         CHAR(64)      NOT NULL,
    CONSTRAINT requirement_baseline_req_uk UNIQUE (baseline_id, req_id)
);

CREATE TABLE requirement_parent (
    requirement_pk BIGINT       NOT NULL REFERENCES requirement (pk),
    position       INTEGER      NOT NULL,
    parent_id      VARCHAR(100) NOT NULL,
    CONSTRAINT requirement_parent_pk PRIMARY KEY (requirement_pk, position)
);

CREATE TABLE requirement_criterion (
    requirement_pk BIGINT       NOT NULL REFERENCES requirement (pk),
    position       INTEGER      NOT NULL,
    expression     VARCHAR(500) NOT NULL,
    CONSTRAINT requirement_criterion_pk PRIMARY KEY (requirement_pk, position)
);

-- A release is verified against exactly one baseline (absent while none is linked yet).
ALTER TABLE model_release ADD COLUMN baseline_id BIGINT REFERENCES requirement_baseline (id);

-- A piece of verification (evidence, a review) of one requirement in one release. When the release moves
-- to a baseline in which that requirement changed or vanished, the link becomes suspect until re-verified.
CREATE TABLE verification_link (
    id             BIGINT PRIMARY KEY,
    release_id     BIGINT       NOT NULL REFERENCES model_release (id),
    req_id         VARCHAR(100) NOT NULL,
    subject_kind   VARCHAR(30)  NOT NULL,
    subject_ref    VARCHAR(200) NOT NULL,
    fingerprint    CHAR(64)     NOT NULL,
    suspect        BOOLEAN      NOT NULL,
    suspect_reason VARCHAR(500),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT verification_link_uk UNIQUE (release_id, req_id, subject_kind, subject_ref)
);

CREATE INDEX requirement_baseline_ix ON requirement (baseline_id);
CREATE INDEX verification_link_release_ix ON verification_link (release_id);
