-- Tracegate schema, part 13: the CRC-32 of each stored blob, computed while it is uploaded, beside its SHA-256.
--
-- An audit package stores its files uncompressed (STORED) in the ZIP, and a STORED entry's header carries the
-- CRC-32 of its bytes before the bytes themselves. Knowing it from the upload lets the package read each file
-- once, checking its SHA-256 and writing it into the ZIP in the same pass, instead of reading every file a
-- second time just for the CRC. Blobs stored before this migration have none (NULL); the package computes
-- theirs when it needs them.

ALTER TABLE blob ADD COLUMN crc32 BIGINT;

ALTER TABLE blob ADD CONSTRAINT blob_crc32_ck CHECK (crc32 IS NULL OR (crc32 >= 0 AND crc32 <= 4294967295));
