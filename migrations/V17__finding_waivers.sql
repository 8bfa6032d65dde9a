-- Tracegate schema, part 17: a waiver is for a requirement or for a cross-check finding, exactly one.
--
-- A cross-check ERROR (e.g. qat-without-qdq: the recipe claims QAT, the ONNX graph has no Q/DQ nodes) keeps
-- the gate red like a requirement that is not PASSED, so a safety manager waives it the same way: signed,
-- justified, expiring, for one review round. The finding is named by its stable code, not its message.
--
-- Existing rows are requirement waivers and satisfy the new check as they are (req_id and verdict_waived
-- set, finding_code NULL). No row is updated; the append-only triggers of V7_1 (PostgreSQL) fire on UPDATE,
-- DELETE and TRUNCATE of rows, not on ALTER TABLE, and cover the new column as they cover the table.

ALTER TABLE waiver ADD COLUMN finding_code VARCHAR(100);
ALTER TABLE waiver ALTER COLUMN req_id DROP NOT NULL;
ALTER TABLE waiver ALTER COLUMN verdict_waived DROP NOT NULL;

ALTER TABLE waiver ADD CONSTRAINT waiver_subject_ck CHECK (
    (req_id IS NOT NULL AND verdict_waived IS NOT NULL AND finding_code IS NULL)
    OR (req_id IS NULL AND verdict_waived IS NULL AND finding_code IS NOT NULL));

-- A waiver expires; renewing it in the same round is a new signed record beside the expired one. So the table
-- no longer allows only one waiver per requirement and round (waiver_once_uk of V7): the rule is "at most one
-- VALID waiver per requirement or finding", which depends on the time, and is checked by the signing use case
-- while it holds the release row's lock (every waiver is signed under it, so two cannot race).
ALTER TABLE waiver DROP CONSTRAINT waiver_once_uk;
