-- Tracegate schema, part 6: API tokens for CI service accounts, and what deactivating an account and
-- changing its password record. (V3 to V5 belong to other concepts.) Portable between PostgreSQL and H2:
-- in a column definition DEFAULT comes before NOT NULL, which both accept.

ALTER TABLE app_user ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN deactivated_by VARCHAR(64);
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
-- TRUE while the password is one an administrator set (initial or reset): such a password logs in but
-- never signs (21 CFR Part 11: an administrator must not be able to sign as the user).
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;

-- Tokens are never deleted: a revoked token keeps its row (revoked_at, revoked_by), so uploads made with
-- it stay explainable. The secret itself is not stored, only its SHA-256 and a short public prefix
-- (the first 12 characters, e.g. tg_AbCdEfGhI) used to find the row and shown in listings.
CREATE TABLE api_token (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES app_user (id),
    name          VARCHAR(200) NOT NULL,
    scope         VARCHAR(20)  NOT NULL,
    prefix        VARCHAR(12)  NOT NULL,
    secret_sha256 CHAR(64)     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(64),
    row_version   BIGINT       NOT NULL,
    CONSTRAINT api_token_secret_uk UNIQUE (secret_sha256)
);

CREATE INDEX api_token_prefix_ix ON api_token (prefix);
CREATE INDEX api_token_account_ix ON api_token (account_id);
