-- Tracegate schema, part 14: when each stored blob's bytes were last hashed and found to match its SHA-256.
--
-- An upload hashes the bytes it stores, so a blob is verified when it is stored. An audit package copies every
-- stored file and checks each against the CRC-32 recorded at upload, which catches accidental damage; it also
-- re-hashes with SHA-256, against deliberate change, the blobs not verified within
-- tracegate.package.rehash-after, and records here when it did.

ALTER TABLE blob ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;

UPDATE blob SET verified_at = stored_at;

ALTER TABLE blob ALTER COLUMN verified_at SET NOT NULL;
