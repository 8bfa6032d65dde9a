package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.Requirement;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored baseline's members as {@link BaselineMember}s, in one query and without entities: what a re-import
 * needs of the previous baseline (row, id, parents, ASIL, file and blob id), not the requirements' content.
 */
final class JdbcBaselineMembers {

    /** One row per member, by id: the rows the baseline introduced and those it carries (view of V15). */
    static final String MEMBERS = "SELECT m.req_id, r.pk, r.asil, r.source_path, r.source_version, r.parent_ids "
            + "FROM baseline_requirement m "
            + "JOIN requirement r ON r.pk = m.requirement_pk "
            + "WHERE m.baseline_id = ? "
            + "ORDER BY m.req_id";

    private static final String FINGERPRINTS = "SELECT m.req_id, r.fingerprint FROM baseline_requirement m "
            + "JOIN requirement r ON r.pk = m.requirement_pk WHERE m.baseline_id = ?";

    private JdbcBaselineMembers() {
    }

    /** Each member's id and content fingerprint, without reading the requirements. */
    static Map<RequirementId, String> fingerprints(Connection connection, long baselineId) {
        Map<RequirementId, String> fingerprints = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(FINGERPRINTS)) {
            select.setLong(1, baselineId);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fingerprints.put(new RequirementId(rows.getString(1)), rows.getString(2).strip());
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the fingerprints of baseline " + baselineId + ": " + e.getMessage(), e);
        }
        return fingerprints;
    }

    static List<BaselineMember> of(Connection connection, long baselineId) {
        try {
            return read(connection, baselineId);
        } catch (SQLException e) {
            throw new PersistenceException("cannot read the members of baseline " + baselineId + ": " + e.getMessage(), e);
        }
    }

    private static List<BaselineMember> read(Connection connection, long baselineId) throws SQLException {
        List<BaselineMember> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(MEMBERS)) {
            select.setLong(1, baselineId);
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<RequirementId> parents = Requirement.lines(rows.getString(6)).stream()
                            .map(RequirementId::new).toList();
                    members.add(new BaselineMember(baselineId, rows.getLong(2), new RequirementId(rows.getString(1)),
                            parents, Asil.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5)));
                }
            }
        }
        return members;
    }
}
