-- Tracegate schema, part 3: requirement rows shared between baselines.
--
-- A re-import from Git changes a handful of requirements out of thousands. Until now every baseline had
-- its own copy of every requirement row; from here on a requirement row is stored once, by the baseline
-- that first had it in exactly this form, and every later baseline that still has it unchanged (same file,
-- same Git blob) points at the same row through baseline_member.
--
-- requirement.baseline_id keeps its name but now means "the baseline that introduced this row" (the
-- first baseline in which the requirement had this content and source version). Which baselines contain
-- a row is baseline_member alone; never select a baseline's requirements by requirement.baseline_id.
-- Rows, memberships and baselines are immutable: nothing is ever updated or deleted.

CREATE TABLE baseline_member (
    baseline_id    BIGINT       NOT NULL REFERENCES requirement_baseline (id),
    req_id         VARCHAR(100) NOT NULL,
    requirement_pk BIGINT       NOT NULL REFERENCES requirement (pk),
    CONSTRAINT baseline_member_pk PRIMARY KEY (baseline_id, req_id)
);

CREATE INDEX baseline_member_requirement_ix ON baseline_member (requirement_pk);

-- Every existing row is a member of the baseline that introduced it, and of no other.
INSERT INTO baseline_member (baseline_id, req_id, requirement_pk)
SELECT baseline_id, req_id, pk FROM requirement;

-- requirement_baseline_req_uk (baseline_id, req_id) serves lookups by baseline_id too; the single-column
-- index only made every requirement row cost one more index entry.
DROP INDEX requirement_baseline_ix;

-- The highest ASIL of a baseline's requirements (it selects the approval policy), kept with the baseline
-- like requirement_count, so a baseline's summary needs none of its requirement rows.
ALTER TABLE requirement_baseline ADD COLUMN highest_asil VARCHAR(2);

UPDATE requirement_baseline SET highest_asil = COALESCE((
    SELECT CASE MAX(CASE r.asil WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'D' THEN 4 ELSE 0 END)
               WHEN 1 THEN 'A' WHEN 2 THEN 'B' WHEN 3 THEN 'C' WHEN 4 THEN 'D' ELSE 'QM' END
    FROM requirement r
    WHERE r.baseline_id = requirement_baseline.id), 'QM');

ALTER TABLE requirement_baseline ALTER COLUMN highest_asil SET NOT NULL;
