-- Tracegate schema, part 9: requests to write audit packages and how far they got. A job is queued, runs
-- (its step and the count within it are updated as it goes), and ends SUCCEEDED with the package or FAILED
-- with the reason. Jobs asked for by an approval name the review round the package must show.

CREATE SEQUENCE package_job_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE package_job (
    id             BIGINT PRIMARY KEY,
    release_id     BIGINT        NOT NULL REFERENCES model_release (id),
    reason         VARCHAR(20)   NOT NULL CHECK (reason IN ('REQUESTED', 'APPROVAL')),
    approval_round INTEGER,
    requested_by   VARCHAR(64)   NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(20)   NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    step           VARCHAR(40),
    step_done      BIGINT        NOT NULL DEFAULT 0,
    step_total     BIGINT        NOT NULL DEFAULT 0,
    package_id     BIGINT        REFERENCES audit_package (id),
    new_package    BOOLEAN,
    failure        VARCHAR(2000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT package_job_round_ck CHECK ((reason = 'APPROVAL') = (approval_round IS NOT NULL)),
    CONSTRAINT package_job_result_ck CHECK (state <> 'SUCCEEDED' OR package_id IS NOT NULL)
);

CREATE INDEX package_job_release_ix ON package_job (release_id, id);
CREATE INDEX package_job_open_ix ON package_job (state);
