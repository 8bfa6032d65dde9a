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

-- One waiver of a finding per round, as waiver_once_uk does for requirements (NULLs never clash, so the
-- two constraints leave each other's rows alone).
ALTER TABLE waiver ADD CONSTRAINT waiver_finding_once_uk UNIQUE (release_id, review_round, finding_code);
