package io.tracegate.evidence.infrastructure.jpa;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.EvidenceFacts;
import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.TestFact;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.evidence.infrastructure.junit.JunitXmlFormat;
import io.tracegate.requirement.domain.RequirementId;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The SQL for evidence metrics and tests: batched inserts and flat projections, nothing managed. */
final class EvidenceRows {

    private static final int BATCH = 1000;
    private static final int NAMED_MAX = 2000;

    private EvidenceRows() {
    }

    static void insertMetrics(Connection c, long evidenceId, List<Metric> metrics) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence_metric "
                + "(evidence_id, position, name, scope, metric_value, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Metric m : metrics) {
                insert.setLong(1, evidenceId);
                insert.setInt(2, position++);
                insert.setString(3, m.name());
                insert.setString(4, Metric.scopeText(m.scope()));
                insert.setBigDecimal(5, m.value());
                insert.setString(6, m.unit());
                insert.addBatch();
                if (position % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    static void insertTests(Connection c, long evidenceId, List<TestResult> tests, List<Set<String>> named)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO evidence_test "
                + "(evidence_id, position, suite, name, outcome, seconds, message, named) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < tests.size(); i++) {
                TestResult t = tests.get(i);
                insert.setLong(1, evidenceId);
                insert.setInt(2, i);
                insert.setString(3, cut(t.suite(), 500));
                insert.setString(4, cut(t.name(), 1000));
                insert.setString(5, t.outcome().name());
                insert.setBigDecimal(6, t.seconds());
                insert.setString(7, t.message());
                insert.setString(8, namedText(named.get(i)));
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Comma-separated, whole ids only: an id cut in half would name another requirement or none. */
    private static String namedText(Set<String> named) {
        StringBuilder text = new StringBuilder();
        for (String id : new java.util.TreeSet<>(named)) {
            if (id.indexOf(',') >= 0 || text.length() + id.length() + 1 > NAMED_MAX) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(id);
        }
        return text.toString();
    }

    static List<Metric> metricsOf(Connection c, long evidenceId) throws SQLException {
        List<Metric> metrics = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT name, scope, metric_value, unit FROM evidence_metric "
                + "WHERE evidence_id = ? ORDER BY position")) {
            query.setLong(1, evidenceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    metrics.add(metric(rows.getString(1), rows.getString(2), rows.getBigDecimal(3), rows.getString(4)));
                }
            }
        }
        return metrics;
    }

    static List<TestResult> testsOf(Connection c, long evidenceId, int offset, int limit) throws SQLException {
        List<TestResult> tests = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT suite, name, outcome, seconds, message, named "
                + "FROM evidence_test WHERE evidence_id = ? AND position >= ? AND position < ? ORDER BY position")) {
            query.setLong(1, evidenceId);
            query.setInt(2, offset);
            query.setLong(3, (long) offset + limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // The ids the report's properties listed come back as the property they were read from.
                    SortedMap<String, String> properties = new TreeMap<>();
                    if (!rows.getString(6).isEmpty()) {
                        properties.put("requirements", rows.getString(6));
                    }
                    tests.add(new TestResult(rows.getString(1), rows.getString(2), TestOutcome.valueOf(rows.getString(3)),
                            rows.getBigDecimal(4), rows.getString(5), properties));
                }
            }
        }
        return tests;
    }

    static List<EvidenceFacts> factsOf(Connection c, long releaseId, List<Evidence> evidence) throws SQLException {
        Map<Long, List<Metric>> metrics = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT m.evidence_id, m.name, m.scope, m.metric_value, m.unit "
                + "FROM evidence_metric m JOIN evidence e ON e.id = m.evidence_id WHERE e.release_id = ? "
                + "ORDER BY m.evidence_id, m.position")) {
            query.setLong(1, releaseId);
            query.setFetchSize(5000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    metrics.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(metric(rows.getString(2), rows.getString(3), rows.getBigDecimal(4), rows.getString(5)));
                }
            }
        }
        Map<Long, List<TestFact>> tests = new HashMap<>();
        Map<String, Set<String>> sharedNames = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT t.evidence_id, t.suite, t.name, t.outcome, t.message, t.named "
                + "FROM evidence_test t JOIN evidence e ON e.id = t.evidence_id WHERE e.release_id = ? "
                + "ORDER BY t.evidence_id, t.position")) {
            query.setLong(1, releaseId);
            query.setFetchSize(5000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // Many tests name the same requirements, most none: share one set per distinct list.
                    Set<String> named = sharedNames.computeIfAbsent(rows.getString(6), EvidenceRows::idsOf);
                    tests.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new TestFact(rows.getString(2),
                            rows.getString(3), TestOutcome.valueOf(rows.getString(4)), rows.getString(5), named));
                }
            }
        }
        List<EvidenceFacts> facts = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            facts.add(new EvidenceFacts(e.id(), e.fileName(), e.reviewState(), e.reviewBaselineId().orElse(null),
                    JunitXmlFormat.NAME.equals(e.format()), e.explicitRequirements().stream().map(RequirementId::value)
                    .collect(Collectors.toSet()), metrics.getOrDefault(e.id(), List.of()), tests.getOrDefault(e.id(), List.of())));
        }
        return facts;
    }

    private static Set<String> idsOf(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        return Set.of(text.split(","));
    }

    private static Metric metric(String name, String scope, BigDecimal value, String unit) {
        return new Metric(name, Metric.parseScope(scope), value.stripTrailingZeros(), unit);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
