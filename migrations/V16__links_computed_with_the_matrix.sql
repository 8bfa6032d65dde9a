-- Tracegate schema, part 16: which evidence counts for which requirement is decided when the trace matrix is
-- computed, from the baseline and the evidence alone, no longer stored when a file is uploaded.
--
-- Links stored at upload depended on the order of events: a file uploaded before the release had a baseline
-- (or before it moved to another one) was never linked to requirements its tests name, and a failing test
-- silently dropped out of the matrix. Now:
-- * evidence_test.named keeps the ids a test lists in its requirement/requirements/verifies property, as
--   written (test names are scanned for ids when the matrix is computed); the ids linked at upload are
--   carried over into it, so existing evidence keeps its links;
-- * evidence.review_baseline_id keeps the baseline the release had when the latest review decision was made:
--   an acceptance made against another version of a requirement is suspect for it. Existing accepted items
--   get the baseline their suspect link was pinned to (the baseline that introduced the requirement version it
--   pinned), otherwise the release's current baseline;
-- * verification_link, the stored links, is dropped.

ALTER TABLE evidence_test ADD COLUMN named VARCHAR(2000) DEFAULT '' NOT NULL;
UPDATE evidence_test SET named = requirements;
ALTER TABLE evidence_test DROP COLUMN requirements;

ALTER TABLE evidence ADD COLUMN review_baseline_id BIGINT REFERENCES requirement_baseline (id);
UPDATE evidence SET review_baseline_id = COALESCE(
        (SELECT MIN(r.baseline_id) FROM verification_link l
         JOIN requirement r ON r.req_id = l.req_id AND r.fingerprint = l.fingerprint
         WHERE l.subject_kind = 'EVIDENCE' AND l.subject_ref = CAST(evidence.id AS VARCHAR(200)) AND l.suspect),
        (SELECT m.baseline_id FROM model_release m WHERE m.id = evidence.release_id))
WHERE review_state <> 'UNREVIEWED';

DROP TABLE verification_link;
DROP SEQUENCE verification_link_seq;
