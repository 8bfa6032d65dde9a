package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.persistence.SchemaMigration;
import io.tracegate.requirement.domain.AcceptanceCriterion;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineMember;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementKind;
import io.tracegate.requirement.domain.Verification;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storing baselines with JDBC, and the V3 and V15 migrations, against a real database (H2 in the unit tests,
 * PostgreSQL in the integration tests): rows shared between baselines, memberships, keys, foreign keys.
 */
abstract class BaselineStorageContract {

    private static final BaselineSource SOURCE = BaselineSource.git("/repo", "main", "c".repeat(40));

    /** An empty database, every time. */
    abstract DataSource emptyDatabase();

    private DataSource db;
    private JdbcBaselineWriter writer;

    @BeforeEach
    void migrate() {
        db = emptyDatabase();
        SchemaMigration.migrator(db, "classpath:db/migration").migrate();
        writer = new JdbcBaselineWriter();
    }

    static RequirementDraft draft(String id, Asil asil, String title, String... parents) {
        return new RequirementDraft(new RequirementId(id), title, asil, RequirementKind.ML_PERFORMANCE,
                Arrays.stream(parents).map(RequirementId::new).toList(), new Verification("HIL", "ml-model"),
                List.of(AcceptanceCriterion.parse("recall[class=pedestrian] >= 0.95"),
                        AcceptanceCriterion.parse("latency.p99_ms <= 30 ms")),
                "Text of " + id, "requirements/" + id + ".md", title.hashCode() + "-blob");
    }

    private long store(RequirementBaseline baseline) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id = writer.write(connection, baseline);
                connection.commit();
                return id;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<BaselineMember> membersOf(long baseline) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return JdbcBaselineMembers.of(connection, baseline);
        }
    }

    private Map<String, Long> rows(long baseline) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (BaselineMember member : membersOf(baseline)) {
            rows.put(member.id().value(), member.row());
        }
        return rows;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<BaselineMember> except(List<BaselineMember> members, String... ids) {
        List<String> dropped = List.of(ids);
        return members.stream().filter(m -> !dropped.contains(m.id().value())).toList();
    }

    @Test
    void aReimportSharesTheRowsOfUnchangedRequirementsAndIntroducesOnlyTheOthers() throws Exception {
        long first = store(RequirementBaseline.freeze("first", SOURCE, List.of(draft("SG-1", Asil.D, "goal"),
                draft("FSR-1", Asil.C, "fsr", "SG-1"), draft("MLR-1", Asil.B, "ml", "FSR-1", "SG-1")), "sam", Instant.now()));
        List<BaselineMember> firstMembers = membersOf(first);
        assertThat(firstMembers).extracting(m -> m.id().value()).containsExactly("FSR-1", "MLR-1", "SG-1");
        BaselineMember ml = firstMembers.get(1);
        assertThat(ml.parents()).extracting(RequirementId::value).containsExactly("FSR-1", "SG-1");
        assertThat(ml.asil()).isEqualTo(Asil.B);
        assertThat(ml.sourcePath()).isEqualTo("requirements/MLR-1.md");
        assertThat(ml.sourceVersion()).isEqualTo("ml".hashCode() + "-blob");
        assertThat(ml.baseline()).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE pk = ? AND parent_ids = 'FSR-1' || CHR(10) || 'SG-1' "
                + "AND criteria = 'recall[class=pedestrian] >= 0.95' || CHR(10) || 'latency.p99_ms <= 30 ms'", ml.row()))
                .isEqualTo(1);

        long second = store(RequirementBaseline.freeze("second", SOURCE,
                List.of(draft("FSR-1", Asil.D, "fsr"), draft("FSR-2", Asil.C, "new", "SG-1")),
                except(firstMembers, "FSR-1"), "sam", Instant.now()));
        Map<String, Long> before = rows(first);
        Map<String, Long> after = rows(second);
        assertThat(after.keySet()).containsExactly("FSR-1", "FSR-2", "MLR-1", "SG-1");
        assertThat(after.get("SG-1")).as("shared").isEqualTo(before.get("SG-1"));
        assertThat(after.get("MLR-1")).as("shared").isEqualTo(before.get("MLR-1"));
        assertThat(after.get("FSR-1")).as("read again: a new row").isNotEqualTo(before.get("FSR-1"));
        assertThat(rows(first)).as("the first baseline is untouched").isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE baseline_id = ?", second)).as("introduced").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM baseline_member WHERE baseline_id = ?", first)).as("all implied").isZero();
        assertThat(count("SELECT COUNT(*) FROM baseline_member WHERE baseline_id = ?", second)).as("carried").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM requirement")).isEqualTo(5);
        assertThat(count("SELECT requirement_count FROM requirement_baseline WHERE id = ?", second)).isEqualTo(4);

        long third = store(RequirementBaseline.freeze("third", SOURCE, List.of(),
                except(membersOf(second), "MLR-1"), "sam", Instant.now()));
        assertThat(rows(third)).as("a row carried twice is still the first baseline's row")
                .containsEntry("SG-1", before.get("SG-1")).containsEntry("FSR-1", after.get("FSR-1"))
                .doesNotContainKey("MLR-1").hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE baseline_id = ?", third)).isZero();
        assertThat(count("SELECT COUNT(*) FROM baseline_member WHERE baseline_id = ?", third)).isEqualTo(3);
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement();
             ResultSet highest = sql.executeQuery("SELECT highest_asil FROM requirement_baseline ORDER BY id")) {
            List<String> asils = new ArrayList<>();
            while (highest.next()) {
                asils.add(highest.getString(1));
            }
            assertThat(asils).containsExactly("D", "D", "D");
        }
    }

    @Test
    void aCarriedMemberThatIsNotExactlyAMemberOfItsBaselineStoresNothing() throws Exception {
        long first = store(RequirementBaseline.freeze("first", SOURCE, List.of(draft("SG-1", Asil.D, "goal")), "sam",
                Instant.now()));
        BaselineMember real = membersOf(first).get(0);
        BaselineMember forged = new BaselineMember(first, real.row() + 1, real.id(), real.parents(), real.asil(),
                real.sourcePath(), real.sourceVersion());
        assertThatThrownBy(() -> store(RequirementBaseline.freeze("forged", SOURCE, List.of(), List.of(forged), "sam",
                Instant.now()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a member");
        assertThat(count("SELECT COUNT(*) FROM requirement_baseline")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM baseline_requirement")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM baseline_member")).isZero();
    }

    @Test
    void thousandsOfRequirementsWithSeveralParentsCrossEveryBatchBoundary() throws Exception {
        List<RequirementDraft> drafts = new ArrayList<>();
        drafts.add(draft("ROOT-A", Asil.B, "a"));
        drafts.add(draft("ROOT-B", Asil.A, "b"));
        for (int i = 0; i < 2_500; i++) {
            drafts.add(draft("R-" + i, Asil.QM, "r" + i, "ROOT-A", "ROOT-B"));
        }
        long id = store(RequirementBaseline.freeze("big", SOURCE, drafts, "sam", Instant.now()));
        assertThat(count("SELECT COUNT(*) FROM baseline_requirement WHERE baseline_id = ?", id)).isEqualTo(2_502);
        assertThat(count("SELECT COUNT(*) FROM baseline_member")).as("introduced rows are members by themselves").isZero();
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE parent_ids = 'ROOT-A' || CHR(10) || 'ROOT-B'"))
                .isEqualTo(2_500);
        assertThat(count("SELECT COUNT(DISTINCT pk) FROM requirement")).isEqualTo(2_502);
        assertThat(count("SELECT COUNT(*) FROM requirement_baseline WHERE id = ? AND highest_asil = 'B'", id)).isEqualTo(1);
        List<BaselineMember> members = membersOf(id);
        assertThat(members).hasSize(2_502);
        assertThat(members.stream().filter(m -> m.id().value().equals("R-77")).findFirst().orElseThrow().parents())
                .extracting(RequirementId::value).containsExactly("ROOT-A", "ROOT-B");
    }

    @Test
    void theMigrationMakesEveryExistingRowAMemberOfItsBaselineAndRecordsTheHighestAsil() throws Exception {
        DataSource v2 = emptyDatabase();
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(v2)
                .locations("classpath:db/migration").target(MigrationVersion.fromVersion("2")).load().migrate();
        try (Connection connection = v2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO requirement_baseline (id, name, source_kind, source_location, source_revision, "
                    + "imported_at, imported_by, requirement_count) VALUES (1, 'b1', 'GIT', '/r', 'x', CURRENT_TIMESTAMP, 'sam', 2)");
            sql.execute("INSERT INTO requirement_baseline (id, name, source_kind, source_location, source_revision, "
                    + "imported_at, imported_by, requirement_count) VALUES (2, 'b2', 'REQIF', 'f.reqif', 'y', CURRENT_TIMESTAMP, 'sam', 1)");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint) "
                    + "VALUES (1, 1, 'SG-1', 't', 'QM', 'SAFETY_GOAL', '" + "f".repeat(64) + "')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint) "
                    + "VALUES (2, 1, 'FSR-1', 't', 'C', 'FUNCTIONAL_SAFETY_REQUIREMENT', '" + "f".repeat(64) + "')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint) "
                    + "VALUES (3, 2, 'SG-1', 't', 'QM', 'SAFETY_GOAL', '" + "f".repeat(64) + "')");
            sql.execute("INSERT INTO requirement_parent (requirement_pk, position, parent_id) VALUES (2, 0, 'SG-1')");
        }
        SchemaMigration.migrator(v2, "classpath:db/migration").migrate();
        db = v2;
        assertThat(rows(1)).containsExactly(Map.entry("FSR-1", 2L), Map.entry("SG-1", 1L));
        assertThat(rows(2)).containsExactly(Map.entry("SG-1", 3L));
        assertThat(membersOf(1).get(0).parents()).extracting(RequirementId::value).containsExactly("SG-1");
        assertThat(count("SELECT COUNT(*) FROM requirement_baseline WHERE id = 1 AND highest_asil = 'C'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM requirement_baseline WHERE id = 2 AND highest_asil = 'QM'")).isEqualTo(1);
    }

    @Test
    void theMigrationMovesParentsAndCriteriaIntoTheRequirementRowInTheirOrder() throws Exception {
        DataSource v10 = emptyDatabase();
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(v10)
                .locations("classpath:db/migration").target(MigrationVersion.fromVersion("10")).load().migrate();
        try (Connection connection = v10.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO requirement_baseline (id, name, source_kind, source_location, source_revision, "
                    + "imported_at, imported_by, requirement_count, highest_asil) "
                    + "VALUES (1, 'b1', 'GIT', '/r', 'x', CURRENT_TIMESTAMP, 'sam', 2, 'C')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint) "
                    + "VALUES (1, 1, 'SG-1', 't', 'QM', 'SAFETY_GOAL', '" + "f".repeat(64) + "')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint) "
                    + "VALUES (2, 1, 'FSR-1', 't', 'C', 'FUNCTIONAL_SAFETY_REQUIREMENT', '" + "f".repeat(64) + "')");
            sql.execute("INSERT INTO baseline_member (baseline_id, req_id, requirement_pk) VALUES (1, 'SG-1', 1), (1, 'FSR-1', 2)");
            sql.execute("INSERT INTO requirement_parent (requirement_pk, position, parent_id) VALUES (2, 1, 'SG-0'), (2, 0, 'SG-1')");
            sql.execute("INSERT INTO requirement_criterion (requirement_pk, position, expression) "
                    + "VALUES (2, 1, 'latency.p99_ms[target=orin] <= 30 ms'), (2, 0, 'recall[class=pedestrian, set=night] >= 0.95')");
        }
        SchemaMigration.migrator(v10, "classpath:db/migration").migrate();
        db = v10;
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE pk = 2 AND parent_ids = 'SG-1' || CHR(10) || 'SG-0' "
                + "AND criteria = 'recall[class=pedestrian, set=night] >= 0.95' || CHR(10) "
                + "|| 'latency.p99_ms[target=orin] <= 30 ms'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM requirement WHERE pk = 1 AND parent_ids = '' AND criteria = ''")).isEqualTo(1);
        assertThat(membersOf(1)).extracting(m -> m.id().value() + " <- " + m.parents())
                .containsExactly("FSR-1 <- [SG-1, SG-0]", "SG-1 <- []");
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) "
                + "IN ('requirement_parent', 'requirement_criterion')")).isZero();
    }

    @Test
    void theMigrationDropsTheMembershipsTheIntroducingRowImpliesAndKeepsEveryBaselineWhole() throws Exception {
        DataSource v14 = emptyDatabase();
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(v14)
                .locations("classpath:db/migration").target(MigrationVersion.fromVersion("14")).load().migrate();
        try (Connection connection = v14.getConnection(); Statement sql = connection.createStatement()) {
            for (int b = 1; b <= 2; b++) {
                sql.execute("INSERT INTO requirement_baseline (id, name, source_kind, source_location, source_revision, "
                        + "imported_at, imported_by, requirement_count, highest_asil) "
                        + "VALUES (" + b + ", 'b" + b + "', 'GIT', '/r', 'x" + b + "', CURRENT_TIMESTAMP, 'sam', 2, 'C')");
            }
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint, parent_ids) "
                    + "VALUES (1, 1, 'SG-1', 't', 'QM', 'SAFETY_GOAL', '" + "f".repeat(64) + "', '')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint, parent_ids) "
                    + "VALUES (2, 1, 'FSR-1', 't', 'C', 'FUNCTIONAL_SAFETY_REQUIREMENT', '" + "f".repeat(64) + "', 'SG-1')");
            sql.execute("INSERT INTO requirement (pk, baseline_id, req_id, title, asil, kind, fingerprint, parent_ids) "
                    + "VALUES (3, 2, 'FSR-1', 't2', 'C', 'FUNCTIONAL_SAFETY_REQUIREMENT', '" + "e".repeat(64) + "', 'SG-1')");
            // Baseline 1 introduced both of its rows; baseline 2 carries SG-1 and introduced a new FSR-1.
            sql.execute("INSERT INTO baseline_member (baseline_id, req_id, requirement_pk) "
                    + "VALUES (1, 'SG-1', 1), (1, 'FSR-1', 2), (2, 'SG-1', 1), (2, 'FSR-1', 3)");
        }
        SchemaMigration.migrator(v14, "classpath:db/migration").migrate();
        db = v14;
        assertThat(rows(1)).containsExactly(Map.entry("FSR-1", 2L), Map.entry("SG-1", 1L));
        assertThat(rows(2)).containsExactly(Map.entry("FSR-1", 3L), Map.entry("SG-1", 1L));
        assertThat(membersOf(2).get(0).parents()).extracting(RequirementId::value).containsExactly("SG-1");
        assertThat(count("SELECT COUNT(*) FROM baseline_member")).as("only the carried one is left").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM baseline_member WHERE baseline_id = 2 AND req_id = 'SG-1' "
                + "AND requirement_pk = 1")).isEqualTo(1);
    }
}
