-- Tracegate schema, part 21: the server (its id in the data directory) that runs each package job, so a job that
-- server left unfinished when it stopped is ended as interrupted at its next start, not only after it has been
-- still for the stale-after period. Jobs of before this migration have none and keep the age rule.

ALTER TABLE package_job ADD COLUMN runner VARCHAR(64);
