package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.ChainCheck;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.ReleaseHistory;
import io.tracegate.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A release's history read from the audit trail's table with plain JDBC: the events whose subject is the
 * release, one of its requirements or cross-check findings (waivers: {@code <release>/<requirement>},
 * {@code <release>/<finding code>}), one of its artifacts or one of its evidence items, and the chain
 * verified from its first event to the release's last.
 *
 * <p>Both come from one walk over the trail in keyset pages of {@value #BATCH}, which verifies the chain and
 * keeps the release's events on the way: verifying reads every event up to the release's last anyway, and
 * looking the release's events up by subject as well (20,000 evidence items' ids in chunks) cost as much
 * again. The walk goes on to the trail's end as it was when the walk began, since where the release's last
 * event lies is only known once it is found; the check reports the chain up to that event, so events after it
 * (other releases', packages') never change a package.
 */
@ApplicationScoped
public class SqlReleaseHistory implements ReleaseHistory {

    static final int BATCH = 1000;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public PackageContent.History of(long releaseId, Collection<Long> artifactIds, Collection<Long> evidenceIds) {
        Subjects subjects = new Subjects(releaseId, artifactIds, evidenceIds);
        List<StoredEvent> mine = new ArrayList<>();
        ChainWalk walk = new ChainWalk();
        try (Connection c = dataSource.getConnection()) {
            long end = end(c);
            long after = 0;
            while (after < end) {
                List<StoredEvent> page = page(c, after, end);
                if (page.isEmpty()) {
                    break;
                }
                for (StoredEvent e : page) {
                    walk.accept(e);
                    if (subjects.include(e)) {
                        mine.add(e);
                    }
                }
                after = page.get(page.size() - 1).seq();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail for release " + releaseId + " failed", e);
        }
        ChainCheck chain = mine.isEmpty() ? ChainCheck.nothingToCheck() : checkUpTo(walk, mine.get(mine.size() - 1));
        return new PackageContent.History(mine.stream().map(StoredEvent::toHistory).toList(), chain);
    }

    /** The chain's state at the release's last event: intact up to it, or broken before it with the reason. */
    private static ChainCheck checkUpTo(ChainWalk walk, StoredEvent last) {
        if (walk.last() >= last.seq()) {
            return new ChainCheck(true, last.seq(), last.seq(), last.hash(), null);
        }
        return walk.finish(last.seq());
    }

    private static long end(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT MAX(seq) FROM audit_event");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static List<StoredEvent> page(Connection c, long after, long end) throws SQLException {
        List<StoredEvent> page = new ArrayList<>(BATCH);
        try (PreparedStatement query = c.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY")) {
            query.setLong(1, after);
            query.setLong(2, end);
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getObject(i + 1);
                    }
                    page.add(StoredEvent.of(row));
                }
            }
        }
        return page;
    }

    /** What makes an event the release's. */
    private static final class Subjects {
        private final String release;
        private final String waiverPrefix;
        private final Set<String> artifacts;
        private final Set<String> evidence;

        Subjects(long releaseId, Collection<Long> artifactIds, Collection<Long> evidenceIds) {
            this.release = Long.toString(releaseId);
            this.waiverPrefix = releaseId + "/";
            this.artifacts = artifactIds.stream().map(String::valueOf).collect(Collectors.toSet());
            this.evidence = evidenceIds.stream().map(String::valueOf).collect(Collectors.toSet());
        }

        boolean include(StoredEvent e) {
            String id = e.subjectId();
            return switch (e.subjectType()) {
                case "release" -> release.equals(id);
                case "requirement", "finding" -> id != null && id.startsWith(waiverPrefix);
                case "artifact" -> artifacts.contains(id);
                case "evidence" -> evidence.contains(id);
                default -> false;
            };
        }
    }
}
