package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored baseline's members as {@link BaselineMember}s, in one query and without entities: what a re-import
 * needs of the previous baseline (row, id, parents, ASIL, file and blob id), not the requirements' content.
 */
final class JdbcBaselineMembers {

    /** One row per (member, parent); a member without parents comes once with a null parent. Grouped by id. */
    static final String MEMBERS = "SELECT m.req_id, r.pk, r.asil, r.source_path, r.source_version, p.parent_id "
            + "FROM baseline_member m "
            + "JOIN requirement r ON r.pk = m.requirement_pk "
            + "LEFT JOIN requirement_parent p ON p.requirement_pk = r.pk "
            + "WHERE m.baseline_id = ? "
            + "ORDER BY m.req_id, p.position";

    private JdbcBaselineMembers() {
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
                String reqId = null;
                long row = 0;
                String asil = null;
                String sourcePath = null;
                String sourceVersion = null;
                List<RequirementId> parents = new ArrayList<>();
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (!id.equals(reqId)) {
                        if (reqId != null) {
                            members.add(new BaselineMember(baselineId, row, new RequirementId(reqId), parents,
                                    Asil.valueOf(asil), sourcePath, sourceVersion));
                        }
                        reqId = id;
                        row = rows.getLong(2);
                        asil = rows.getString(3);
                        sourcePath = rows.getString(4);
                        sourceVersion = rows.getString(5);
                        parents = new ArrayList<>();
                    }
                    String parent = rows.getString(6);
                    if (parent != null) {
                        parents.add(new RequirementId(parent));
                    }
                }
                if (reqId != null) {
                    members.add(new BaselineMember(baselineId, row, new RequirementId(reqId), parents,
                            Asil.valueOf(asil), sourcePath, sourceVersion));
                }
            }
        }
        return members;
    }
}
