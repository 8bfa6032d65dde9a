-- Tracegate schema, part 11: a requirement's parents and criteria are columns of its row.
--
-- Importing 10,000 requirements wrote about 40,000 rows: the requirement, one row per parent, one per
-- criterion, and the membership. Storing them took most of an import, and reading a baseline back or the
-- previous baseline's members needed a join per list. Both lists are small, always read and written
-- whole with their requirement, never queried by element, and immutable like the row: they are kept in
-- the row, as text, one element per line (ids and canonical criteria never contain a line break). An
-- empty list is the empty string, so reading needs no null case.
--
-- The lists keep their order (the parents as written; fingerprints sort them themselves). The child
-- tables are dropped once their content is moved: a second copy of the same facts could only drift.

ALTER TABLE requirement ADD COLUMN parent_ids VARCHAR(1000000) DEFAULT '' NOT NULL;
ALTER TABLE requirement ADD COLUMN criteria VARCHAR(1000000) DEFAULT '' NOT NULL;

UPDATE requirement SET
    parent_ids = COALESCE((SELECT STRING_AGG(p.parent_id, CHR(10) ORDER BY p.position)
                           FROM requirement_parent p WHERE p.requirement_pk = requirement.pk), ''),
    criteria = COALESCE((SELECT STRING_AGG(c.expression, CHR(10) ORDER BY c.position)
                         FROM requirement_criterion c WHERE c.requirement_pk = requirement.pk), '');

DROP TABLE requirement_parent;
DROP TABLE requirement_criterion;
