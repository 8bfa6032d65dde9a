-- PostgreSQL only (Flyway location classpath:db/postgresql, added by SchemaMigration when the database
-- is PostgreSQL): the audit trail refuses UPDATE, DELETE and TRUNCATE, for every role, the superuser
-- included, as long as the triggers are enabled. Disabling a trigger needs the table's owner or a
-- superuser (ALTER TABLE ... DISABLE TRIGGER); the hash chain still names the first edited event then.
-- H2 (the embedded evaluation default) has no such triggers; verification detects edits there too.

-- Generic: attach it to any append-only table, e.g. in the migration that creates the signature table:
--   CREATE TRIGGER signature_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON signature
--       FOR EACH STATEMENT EXECUTE FUNCTION tracegate_refuse_change();
CREATE FUNCTION tracegate_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'tracegate: % on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Statement level, so even an UPDATE or DELETE that matches no row is refused.
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION tracegate_refuse_change();

-- The head moves forward one event at a time and is never removed: rolling it back to hide events cut
-- off at the end of the chain is refused as well.
CREATE FUNCTION tracegate_audit_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.id <> OLD.id OR NEW.last_seq <> OLD.last_seq + 1 THEN
        RAISE EXCEPTION 'tracegate: the audit head only moves forward by one event (% -> %)', OLD.last_seq, NEW.last_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_head_forward_only
    BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION tracegate_audit_head_forward_only();

CREATE TRIGGER audit_head_kept
    BEFORE DELETE OR TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION tracegate_refuse_change();
