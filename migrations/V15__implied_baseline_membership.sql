-- Tracegate schema, part 16: a requirement row is a member of the baseline that introduced it without a
-- baseline_member row.
--
-- A first import of 10,000 requirements wrote 20,000 rows: each requirement, and its membership in the
-- very baseline its row already names (requirement.baseline_id, V3). In embedded H2 every row costs an
-- entry in each of the table's indexes, an undo-log record, and a rewrite of those entries at commit;
-- the memberships were half of an import's rows and three of its five index writes per requirement.
--
-- From here on baseline_member holds only what a row cannot say itself: the requirements a baseline
-- carries over unchanged from an earlier one (the row stays the earlier baseline's). A baseline's
-- requirements are the rows it introduced plus the rows it carries: the view baseline_requirement, which
-- every read of a baseline's content goes through (the JPA mapping, the previous members of a re-import).
-- A (baseline, id) is in at most one of the two parts: the writer checks the baseline's member count
-- against the frozen baseline before anything is committed.
--
-- The existing memberships that the introducing row now implies are deleted; every row had one (V3 made
-- them for the rows then stored, the writer for every row since), so every baseline keeps exactly its
-- requirements. Rows, memberships and baselines stay immutable: nothing is updated or deleted after this.

DELETE FROM baseline_member
WHERE EXISTS (SELECT 1 FROM requirement r
              WHERE r.pk = baseline_member.requirement_pk AND r.baseline_id = baseline_member.baseline_id);

CREATE VIEW baseline_requirement (baseline_id, req_id, requirement_pk) AS
SELECT baseline_id, req_id, pk FROM requirement
UNION ALL
SELECT baseline_id, req_id, requirement_pk FROM baseline_member;
