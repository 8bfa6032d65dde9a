package io.tracegate.platform.blob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The database's claim on a stored blob; a blob file without one is an orphan and gets swept. */
@Entity
@Table(name = "blob")
public class BlobRecord {

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    /** When the bytes were last hashed and matched: at upload, then whenever a package re-hashed them. */
    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    /** Null for blobs stored before the CRC was computed at upload (migration V13). */
    @Column(name = "crc32")
    private Long crc32;

    protected BlobRecord() {
    }

    BlobRecord(StoredBlob blob, Instant at) {
        this.sha256 = blob.sha256().hex();
        this.size = blob.size();
        this.storedAt = at;
        this.verifiedAt = at;
        this.crc32 = blob.crc32().isPresent() ? blob.crc32().getAsLong() : null;
    }

    /** Takes the CRC-32 a later upload of the same bytes computed, where this record has none yet. */
    void learnCrc32(StoredBlob blob) {
        if (crc32 == null && blob.crc32().isPresent()) {
            crc32 = blob.crc32().getAsLong();
        }
    }
}
