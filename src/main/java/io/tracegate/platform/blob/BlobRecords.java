package io.tracegate.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Records blobs in the caller's transaction, so the claim on a blob commits or rolls back with the
 * artifact or evidence row that uses it.
 */
@ApplicationScoped
public class BlobRecords {

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    public void claim(StoredBlob blob, Instant at) {
        if (em.find(BlobRecord.class, blob.sha256().hex()) == null) {
            em.persist(new BlobRecord(blob, at));
            // Written now: rows that reference the blob by its digest (a plain column, not a JPA relation)
            // may be flushed in any order relative to it, and the foreign key needs the blob row first.
            em.flush();
        }
    }

    public boolean isClaimed(Sha256 digest) {
        return em.find(BlobRecord.class, digest.hex()) != null;
    }
}
