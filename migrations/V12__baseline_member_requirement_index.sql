-- Tracegate schema, part 12: drop the index of baseline_member by requirement row.
--
-- Every import writes one membership per requirement and a re-import copies thousands of them, so each
-- index on baseline_member costs a write per member. Memberships are read by baseline (the primary key's
-- first column); nothing looks them up by requirement row, and no row is ever deleted, so
-- baseline_member_requirement_ix (V3) served nobody. (H2 keeps an index of its own for each foreign key,
-- so there it was a second index on the same column.)

DROP INDEX baseline_member_requirement_ix;
