-- Tracegate schema, part 8: generated audit packages. A row records which release, in which state (status,
-- review round, manifest digest, the time of the newest fact the package shows) and the stored ZIP (its
-- SHA-256 names the blob). Rows are only inserted: the same state generates the same bytes, and the unique key
-- turns a second generation of it into the first package.

CREATE SEQUENCE audit_package_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_package (
    id              BIGINT PRIMARY KEY,
    release_id      BIGINT        NOT NULL REFERENCES model_release (id),
    release_status  VARCHAR(20)   NOT NULL,
    review_round    INTEGER       NOT NULL,
    manifest_digest CHAR(64)      NOT NULL,
    content_as_of   TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256          CHAR(64)      NOT NULL REFERENCES blob (sha256),
    size_bytes      BIGINT        NOT NULL,
    file_name       VARCHAR(300)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_package_content_uk UNIQUE (release_id, sha256)
);

CREATE INDEX audit_package_release_ix ON audit_package (release_id, id);
