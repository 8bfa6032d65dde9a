-- PostgreSQL only: electronic signatures and waivers are append-only, like the audit trail (21 CFR Part 11
-- §11.70: a signature cannot be removed, copied or changed). Obsolescence after a reopen is computed from
-- the review round, so no signature row ever needs an UPDATE.
CREATE TRIGGER signature_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON signature
    FOR EACH STATEMENT EXECUTE FUNCTION tracegate_refuse_change();

CREATE TRIGGER waiver_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON waiver
    FOR EACH STATEMENT EXECUTE FUNCTION tracegate_refuse_change();
