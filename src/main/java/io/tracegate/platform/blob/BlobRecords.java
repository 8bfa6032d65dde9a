package io.tracegate.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records blobs in the caller's transaction, so the claim on a blob commits or rolls back with the
 * artifact or evidence row that uses it.
 */
@ApplicationScoped
public class BlobRecords {

    /** Digests per query: well below the bind-parameter limits of H2 and PostgreSQL. */
    private static final int PER_QUERY = 1000;

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    public void claim(StoredBlob blob, Instant at) {
        BlobRecord known = em.find(BlobRecord.class, blob.sha256().hex());
        if (known != null) {
            known.learnCrc32(blob);
            return;
        }
        em.persist(new BlobRecord(blob, at));
        // Written now: rows that reference the blob by its digest (a plain column, not a JPA relation)
        // may be flushed in any order relative to it, and the foreign key needs the blob row first.
        em.flush();
    }

    public boolean isClaimed(Sha256 digest) {
        return em.find(BlobRecord.class, digest.hex()) != null;
    }

    /**
     * The CRC-32 recorded for each of these blobs that has one; blobs stored before it was computed are absent.
     * The digests are joined as a VALUES list, in chunks: H2 then looks each up by the primary key, where with
     * bound parameters in {@code IN (...)} it compared every one of them with every row.
     */
    @SuppressWarnings("unchecked")
    public Map<Sha256, Long> crc32Of(Collection<Sha256> digests) {
        List<String> hex = digests.stream().map(Sha256::hex).distinct().toList();
        Map<Sha256, Long> known = new HashMap<>();
        for (int from = 0; from < hex.size(); from += PER_QUERY) {
            List<String> chunk = hex.subList(from, Math.min(hex.size(), from + PER_QUERY));
            StringBuilder sql = new StringBuilder("SELECT b.sha256, b.crc32 FROM blob b JOIN (VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(?").append(i + 1).append(" AS CHAR(64)))");
            }
            Query query = em.createNativeQuery(sql.append(") wanted (digest) ON b.sha256 = wanted.digest "
                    + "WHERE b.crc32 IS NOT NULL").toString());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                known.put(new Sha256(row[0].toString().trim()), ((Number) row[1]).longValue());
            }
        }
        return known;
    }

    /**
     * Records CRC-32s computed later for blobs stored before uploads computed them (a one-time cost after the
     * upgrade: the first package of a release reads those files for it); recorded ones are kept.
     */
    public void learnCrc32s(Map<Sha256, Long> crcs) {
        Query update = em.createNativeQuery("UPDATE blob SET crc32 = ?1 WHERE sha256 = ?2 AND crc32 IS NULL");
        crcs.forEach((digest, crc) -> update.setParameter(1, crc).setParameter(2, digest.hex()).executeUpdate());
    }
}
