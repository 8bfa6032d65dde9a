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

    protected BlobRecord() {
    }

    BlobRecord(StoredBlob blob, Instant at) {
        this.sha256 = blob.sha256().hex();
        this.size = blob.size();
        this.storedAt = at;
    }
}
