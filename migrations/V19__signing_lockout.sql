-- Tracegate schema, part 19: failed signing attempts (issue 15). Per account, failures in a row (wrong password
-- or authenticator code) throttle and then lock signing until an administrator releases it; per challenge, three
-- wrong attempts spend it. Kept in the database, so a restart forgets nothing.

CREATE TABLE signing_lockout (
    username        VARCHAR(64) PRIMARY KEY REFERENCES app_user (username),
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    locked_at       TIMESTAMP WITH TIME ZONE,
    row_version     BIGINT      NOT NULL
);

ALTER TABLE signing_challenge ADD COLUMN wrong_attempts INTEGER DEFAULT 0 NOT NULL;
