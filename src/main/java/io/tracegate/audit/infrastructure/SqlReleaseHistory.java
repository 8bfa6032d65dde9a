package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.ChainCheck;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.ReleaseHistory;
import io.tracegate.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release's history read from the audit trail's table with plain native SQL (bound parameters only): the
 * events whose subject is the release, one of its requirements (waivers: {@code <release>/<requirement>}),
 * one of its artifacts or one of its evidence items. Then the chain is verified from its first event to the release's last, in
 * keyset pages of {@value #BATCH}, keeping only the last seq and hash: constant memory whatever its length.
 */
@ApplicationScoped
public class SqlReleaseHistory implements ReleaseHistory {

    static final int BATCH = 1000;
    static final int IDS_PER_QUERY = 500;

    @PersistenceContext(unitName = "tracegate")
    EntityManager em;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public PackageContent.History of(long releaseId, Collection<Long> artifactIds, Collection<Long> evidenceIds) {
        Map<Long, StoredEvent> events = new TreeMap<>();
        Query own = em.createNativeQuery("SELECT " + StoredEvent.COLUMNS + " FROM audit_event WHERE "
                        + "(subject_type = ?1 AND subject_id = ?2) OR (subject_type = ?3 AND subject_id LIKE ?4) ORDER BY seq")
                .setParameter(1, "release").setParameter(2, Long.toString(releaseId))
                .setParameter(3, "requirement").setParameter(4, releaseId + "/%");
        add(events, own);
        add(events, "artifact", artifactIds);
        add(events, "evidence", evidenceIds);
        List<StoredEvent> ordered = events.values().stream().sorted(Comparator.comparingLong(StoredEvent::seq)).toList();
        ChainCheck chain = ordered.isEmpty() ? ChainCheck.nothingToCheck() : verifyUpTo(ordered.get(ordered.size() - 1).seq());
        return new PackageContent.History(ordered.stream().map(StoredEvent::toHistory).toList(), chain);
    }

    /**
     * The events of these subjects, in chunks so no statement carries thousands of parameters. The ids are
     * joined as a VALUES list rather than given to {@code IN (...)}: H2 looks each of them up in the subject
     * index that way, while with bound parameters in an IN list it scanned every event of the subject type
     * per chunk (40 scans of 20,000 events for a release with 20,000 evidence items). Plain JDBC: EclipseLink's
     * handling of a native query's parameters grows with the square of their number.
     */
    private void add(Map<Long, StoredEvent> events, String subjectType, Collection<Long> subjectIds) {
        List<Long> ids = new ArrayList<>(subjectIds);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String values = String.join(", ", Collections.nCopies(chunk.size(), "(?)"));
                try (PreparedStatement query = c.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM audit_event "
                        + "JOIN (VALUES " + values + ") wanted (subject_key) ON subject_type = ? "
                        + "AND subject_id = subject_key ORDER BY seq")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 1, Long.toString(chunk.get(i)));
                    }
                    query.setString(chunk.size() + 1, subjectType);
                    try (ResultSet rows = query.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            Object[] row = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                row[i] = rows.getObject(i + 1);
                            }
                            StoredEvent e = StoredEvent.of(row);
                            events.put(e.seq(), e);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit events of " + ids.size() + " " + subjectType + "s failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<Long, StoredEvent> events, Query query) {
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            StoredEvent e = StoredEvent.of(row);
            events.put(e.seq(), e);
        }
    }

    /** Checks events 1..{@code upTo} in keyset pages. */
    @SuppressWarnings("unchecked")
    ChainCheck verifyUpTo(long upTo) {
        ChainWalk walk = new ChainWalk();
        while (walk.last() < upTo) {
            List<Object[]> rows = em.createNativeQuery("SELECT " + StoredEvent.COLUMNS
                            + " FROM audit_event WHERE seq > ?1 AND seq <= ?2 ORDER BY seq")
                    .setParameter(1, walk.last()).setParameter(2, upTo).setMaxResults(BATCH).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                if (!walk.accept(StoredEvent.of(row))) {
                    return walk.finish(upTo);
                }
            }
        }
        return walk.finish(upTo);
    }
}
