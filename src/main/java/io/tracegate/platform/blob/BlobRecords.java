package io.tracegate.platform.blob;

import io.tracegate.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

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
     * The checks recorded for each of these blobs. Plain JDBC, with the digests joined as a VALUES list in
     * chunks: H2 then looks each up by the primary key (with {@code IN (...)} it compared every one with every
     * row), and EclipseLink's handling of a native query's parameters grows with the square of their number.
     */
    public Map<Sha256, Checks> checksOf(Collection<Sha256> digests) {
        List<String> hex = digests.stream().map(Sha256::hex).distinct().toList();
        Map<Sha256, Checks> known = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < hex.size(); from += PER_QUERY) {
                List<String> chunk = hex.subList(from, Math.min(hex.size(), from + PER_QUERY));
                String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(CAST(? AS CHAR(64)))"));
                try (PreparedStatement query = c.prepareStatement("SELECT b.sha256, b.crc32, b.verified_at FROM blob b "
                        + "JOIN (VALUES " + values + ") wanted (digest) ON b.sha256 = wanted.digest")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            long crc = rows.getLong(2);
                            OptionalLong recorded = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(crc);
                            known.put(new Sha256(rows.getString(1).trim()), new Checks(recorded,
                                    rows.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checks of " + hex.size() + " blobs failed", e);
        }
        return known;
    }

    /**
     * Records what a package learned about stored blobs, in the caller's transaction: CRC-32s it computed for
     * blobs stored before uploads computed them (recorded ones are kept), and the blobs it re-hashed and found
     * intact. Batched: a package may have re-hashed 20,000 files.
     */
    public void recordChecks(Map<Sha256, Long> computedCrc32s, Collection<Sha256> rehashed, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement crc = c.prepareStatement("UPDATE blob SET crc32 = ? WHERE sha256 = ? AND crc32 IS NULL");
             PreparedStatement verified = c.prepareStatement("UPDATE blob SET verified_at = ? WHERE sha256 = ?")) {
            for (Map.Entry<Sha256, Long> e : computedCrc32s.entrySet()) {
                crc.setLong(1, e.getValue());
                crc.setString(2, e.getKey().hex());
                crc.addBatch();
            }
            crc.executeBatch();
            java.time.OffsetDateTime when = at.atOffset(java.time.ZoneOffset.UTC);
            for (Sha256 digest : rehashed) {
                verified.setObject(1, when);
                verified.setString(2, digest.hex());
                verified.addBatch();
            }
            verified.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the checks of stored blobs failed", e);
        }
    }
}
