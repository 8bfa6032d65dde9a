-- Tracegate schema, part 4: evidence items with provenance, what parsers read out of them, and reviews.
-- (V3 is the requirement-membership change.) Evidence rows are immutable except for review_state, the
-- latest review's decision, guarded by row_version; the reviews themselves are append-only.

CREATE SEQUENCE evidence_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE evidence_review_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE evidence (
    id                 BIGINT PRIMARY KEY,
    release_id         BIGINT        NOT NULL REFERENCES model_release (id),
    file_name          VARCHAR(255)  NOT NULL,
    format             VARCHAR(40)   NOT NULL,
    media_type         VARCHAR(200)  NOT NULL,
    sha256             CHAR(64)      NOT NULL REFERENCES blob (sha256),
    size_bytes         BIGINT        NOT NULL,
    default_scope      VARCHAR(2000) NOT NULL,
    notes              VARCHAR(4000) NOT NULL,
    metric_count       INTEGER       NOT NULL,
    test_count         INTEGER       NOT NULL,
    ci_system          VARCHAR(100),
    pipeline_id        VARCHAR(200),
    run_url            VARCHAR(1000),
    source_commit      VARCHAR(64),
    rig                VARCHAR(100),
    target             VARCHAR(100),
    tool_versions      VARCHAR(2000) NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    calibration_sha256 CHAR(64),
    uploaded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by        VARCHAR(64)   NOT NULL,
    review_state       VARCHAR(12)   NOT NULL,
    row_version        BIGINT        NOT NULL,
    -- The same file uploaded twice to a release is one item (a retried upload), never two.
    CONSTRAINT evidence_release_content_uk UNIQUE (release_id, file_name, sha256)
);

-- Requirements named explicitly in the upload: every metric and test of the file counts for them.
CREATE TABLE evidence_requirement (
    evidence_id BIGINT       NOT NULL REFERENCES evidence (id),
    req_id      VARCHAR(100) NOT NULL,
    CONSTRAINT evidence_requirement_pk PRIMARY KEY (evidence_id, req_id)
);

CREATE TABLE evidence_metric (
    evidence_id BIGINT         NOT NULL REFERENCES evidence (id),
    position    INTEGER        NOT NULL,
    name        VARCHAR(120)   NOT NULL,
    scope       VARCHAR(2000)  NOT NULL,
    -- NUMERIC, not floating point: 0.001 must compare equal to a threshold of 0.001.
    metric_value NUMERIC(38, 15) NOT NULL,
    unit        VARCHAR(20),
    CONSTRAINT evidence_metric_pk PRIMARY KEY (evidence_id, position)
);

CREATE TABLE evidence_test (
    evidence_id  BIGINT        NOT NULL REFERENCES evidence (id),
    position     INTEGER       NOT NULL,
    suite        VARCHAR(500)  NOT NULL,
    name         VARCHAR(1000) NOT NULL,
    outcome      VARCHAR(10)   NOT NULL,
    seconds      NUMERIC(20, 6),
    message      VARCHAR(2100),
    requirements VARCHAR(2000) NOT NULL,
    CONSTRAINT evidence_test_pk PRIMARY KEY (evidence_id, position)
);

CREATE TABLE evidence_review (
    id          BIGINT PRIMARY KEY,
    evidence_id BIGINT        NOT NULL REFERENCES evidence (id),
    decision    VARCHAR(12)   NOT NULL,
    comment     VARCHAR(4000) NOT NULL,
    reviewer    VARCHAR(64)   NOT NULL,
    reviewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX evidence_release_ix ON evidence (release_id);
CREATE INDEX evidence_review_evidence_ix ON evidence_review (evidence_id);
