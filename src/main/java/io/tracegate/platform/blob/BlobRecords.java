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
import java.util.OptionalLong;

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

    /** What is recorded about a blob's bytes: its CRC-32 (if it was computed) and when they last matched its digest. */
    public record Checks(OptionalLong crc32, Instant verifiedAt) {
    }

    /**
     * The checks recorded for each of these blobs. The digests are joined as a VALUES list, in chunks: H2 then
     * looks each up by the primary key, where with bound parameters in {@code IN (...)} it compared every one of
     * them with every row.
     */
    @SuppressWarnings("unchecked")
    public Map<Sha256, Checks> checksOf(Collection<Sha256> digests) {
        List<String> hex = digests.stream().map(Sha256::hex).distinct().toList();
        Map<Sha256, Checks> known = new HashMap<>();
        for (int from = 0; from < hex.size(); from += PER_QUERY) {
            List<String> chunk = hex.subList(from, Math.min(hex.size(), from + PER_QUERY));
            StringBuilder sql = new StringBuilder("SELECT b.sha256, b.crc32, b.verified_at FROM blob b JOIN (VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(?").append(i + 1).append(" AS CHAR(64)))");
            }
            Query query = em.createNativeQuery(sql.append(") wanted (digest) ON b.sha256 = wanted.digest").toString());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                OptionalLong crc = row[1] == null ? OptionalLong.empty() : OptionalLong.of(((Number) row[1]).longValue());
                known.put(new Sha256(row[0].toString().trim()), new Checks(crc, instant(row[2])));
            }
        }
        return known;
    }

    /**
     * Records what a package learned about stored blobs: CRC-32s it computed for blobs stored before uploads
     * computed them (recorded ones are kept), and the blobs it re-hashed and found intact.
     */
    public void recordChecks(Map<Sha256, Long> computedCrc32s, Collection<Sha256> rehashed, Instant at) {
        Query crc = em.createNativeQuery("UPDATE blob SET crc32 = ?1 WHERE sha256 = ?2 AND crc32 IS NULL");
        computedCrc32s.forEach((digest, value) -> crc.setParameter(1, value).setParameter(2, digest.hex()).executeUpdate());
        Query verified = em.createNativeQuery("UPDATE blob SET verified_at = ?1 WHERE sha256 = ?2");
        rehashed.forEach(digest -> verified.setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, digest.hex())
                .executeUpdate());
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
