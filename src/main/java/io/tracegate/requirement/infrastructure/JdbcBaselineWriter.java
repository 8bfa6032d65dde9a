package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementBaseline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a frozen baseline with plain JDBC batches: the header, the rows of the requirements it introduces
 * (parents and criteria are columns of the row; a row is a member of the baseline that introduces it without
 * a membership row, migration V15) and the memberships of the requirements it carries over from the earlier
 * baseline, copied in one INSERT ... SELECT. Persisting ten thousand entities through EclipseLink spent most of
 * an import in change-set computation; these are immutable rows written once, which JDBC does in a fraction
 * of the time.
 *
 * <p>It writes on the connection EclipseLink itself uses in the current JTA transaction (the repository
 * passes {@code EntityManager.unwrap(Connection.class)}), so the rows commit or roll back with everything
 * else and JPA queries later in the transaction see them. (A second connection from the data source is not
 * that connection: a JPA read-back in the same transaction did not find the rows written through it.)
 * Keys are values of the same sequences as the entities', one per row ({@link SequenceKeys}): EclipseLink's
 * own allocation never hands them out, whichever way it counts its blocks.
 */
@ApplicationScoped
public class JdbcBaselineWriter {

    static final int BATCH = 1000;

    private static final String INSERT_BASELINE = "INSERT INTO requirement_baseline (id, name, source_kind, "
            + "source_location, source_ref, source_revision, imported_at, imported_by, requirement_count, highest_asil) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_REQUIREMENT = "INSERT INTO requirement (pk, baseline_id, req_id, title, asil, "
            + "kind, verification_method, verification_level, body, source_path, source_version, fingerprint, "
            + "parent_ids, criteria) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Every requirement of the earlier baseline, introduced or carried there, becomes a carried member here. */
    private static final String COPY_MEMBERS = "INSERT INTO baseline_member (baseline_id, req_id, requirement_pk) "
            + "SELECT ?, req_id, requirement_pk FROM baseline_requirement WHERE baseline_id = ?";
    private static final String DELETE_MEMBER = "DELETE FROM baseline_member WHERE baseline_id = ? AND req_id = ?";

    /**
     * Writes the baseline on {@code connection}, in the transaction the caller owns (nothing is committed
     * here), and returns its id. Whatever fails leaves the transaction to be rolled back.
     */
    public long write(Connection connection, RequirementBaseline baseline) {
        try {
            return writeRows(connection, baseline);
        } catch (SQLException e) {
            throw new PersistenceException("cannot store baseline " + baseline.name() + ": " + e.getMessage(), e);
        }
    }

    private long writeRows(Connection connection, RequirementBaseline baseline) throws SQLException {
        long id = SequenceKeys.next(connection, "requirement_baseline_seq", 1)[0];
        insertHeader(connection, id, baseline);
        // Carried first: the wholesale copy holds, until its clean-up, members the new rows replace (the check
        // of the member count below sees the baseline only once both are done).
        insertCarried(connection, id, baseline.carried());
        List<Requirement> introduced = baseline.introduced();
        long[] keys = SequenceKeys.next(connection, "requirement_seq", introduced.size());
        insertRequirements(connection, id, introduced, keys);
        int members = countMembers(connection, id);
        if (members != baseline.size()) {
            throw new IllegalStateException("baseline " + id + " would have " + members + " members instead of "
                    + baseline.size());
        }
        return id;
    }

    private static void insertHeader(Connection connection, long id, RequirementBaseline baseline) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BASELINE)) {
            insert.setLong(1, id);
            insert.setString(2, baseline.name());
            insert.setString(3, baseline.source().kind().name());
            insert.setString(4, baseline.source().location());
            insert.setString(5, baseline.source().ref());
            insert.setString(6, baseline.source().revision());
            insert.setObject(7, baseline.importedAt().atOffset(ZoneOffset.UTC));
            insert.setString(8, baseline.importedBy());
            insert.setInt(9, baseline.size());
            insert.setString(10, baseline.highestAsil().name());
            insert.executeUpdate();
        }
    }

    private static void insertRequirements(Connection connection, long baselineId, List<Requirement> requirements,
                                           long[] keys) throws SQLException {
        try (Batch rows = new Batch(connection, INSERT_REQUIREMENT)) {
            for (int i = 0; i < requirements.size(); i++) {
                Requirement r = requirements.get(i);
                long pk = keys[i];
                PreparedStatement row = rows.statement();
                row.setLong(1, pk);
                row.setLong(2, baselineId);
                row.setString(3, r.id().value());
                row.setString(4, r.title());
                row.setString(5, r.asil().name());
                row.setString(6, r.kind().name());
                setNullable(row, 7, r.verification().method());
                setNullable(row, 8, r.verification().level());
                setNullable(row, 9, r.text());
                setNullable(row, 10, r.sourcePath());
                setNullable(row, 11, r.sourceVersion());
                row.setString(12, r.fingerprint());
                row.setString(13, r.parentLines());
                row.setString(14, r.criterionLines());
                rows.add();
            }
        }
    }

    /**
     * Copies the earlier baseline's memberships wholesale, then removes those not carried (requirements read
     * again or gone): two statements and a short batch instead of one insert per carried requirement. Every
     * carried member must be exactly a member of that baseline, with the same row, or nothing is stored.
     */
    private static void insertCarried(Connection connection, long baselineId, List<BaselineMember> carried)
            throws SQLException {
        Map<Long, Map<String, Long>> bySource = new LinkedHashMap<>();
        for (BaselineMember member : carried) {
            bySource.computeIfAbsent(member.baseline(), b -> new HashMap<>()).put(member.id().value(), member.row());
        }
        for (Map.Entry<Long, Map<String, Long>> source : bySource.entrySet()) {
            Map<String, Long> stored = membersOf(connection, source.getKey());
            Map<String, Long> kept = source.getValue();
            kept.forEach((reqId, row) -> {
                if (!row.equals(stored.get(reqId))) {
                    throw new IllegalStateException(reqId + " (row " + row + ") is not a member of baseline "
                            + source.getKey());
                }
            });
            List<String> dropped = new ArrayList<>();
            stored.keySet().forEach(reqId -> {
                if (!kept.containsKey(reqId)) {
                    dropped.add(reqId);
                }
            });
            try (PreparedStatement copy = connection.prepareStatement(COPY_MEMBERS)) {
                copy.setLong(1, baselineId);
                copy.setLong(2, source.getKey());
                copy.executeUpdate();
            }
            try (Batch delete = new Batch(connection, DELETE_MEMBER)) {
                for (String reqId : dropped) {
                    delete.statement().setLong(1, baselineId);
                    delete.statement().setString(2, reqId);
                    delete.add();
                }
            }
        }
    }

    private static Map<String, Long> membersOf(Connection connection, long baselineId) throws SQLException {
        Map<String, Long> members = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT req_id, requirement_pk FROM baseline_requirement WHERE baseline_id = ?")) {
            select.setLong(1, baselineId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return members;
    }

    private static int countMembers(Connection connection, long baselineId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM baseline_requirement WHERE baseline_id = ?")) {
            count.setLong(1, baselineId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** A prepared statement executed in batches of {@link #BATCH} rows, the rest when closed. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        PreparedStatement statement() {
            return statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                statement.close();
            }
        }
    }
}
