-- Tracegate schema, part 18: the second signing component no administrator can set (issue 15). A signer's
-- authenticator (RFC 6238 TOTP): its secret sealed with AES-GCM under a key kept outside the database, its state
-- (PENDING until confirmed with a first code, then ACTIVE), the last time step a code was accepted for (each step
-- signs once), and a pending reset (requested by one person, confirmed by another; the row is then deleted).

CREATE TABLE signing_factor (
    username           VARCHAR(64)  PRIMARY KEY REFERENCES app_user (username),
    secret_sealed      VARCHAR(200) NOT NULL,
    state              VARCHAR(10)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_at        TIMESTAMP WITH TIME ZONE,
    last_used_step     BIGINT       NOT NULL,
    reset_requested_by VARCHAR(64),
    reset_requested_at TIMESTAMP WITH TIME ZONE,
    reset_reason       VARCHAR(500),
    row_version        BIGINT       NOT NULL,
    CONSTRAINT signing_factor_state_ck CHECK (state IN ('PENDING', 'ACTIVE'))
);
