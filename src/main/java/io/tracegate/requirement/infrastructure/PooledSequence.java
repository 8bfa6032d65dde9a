package io.tracegate.requirement.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Primary keys from a database sequence, allocated exactly as EclipseLink allocates them for an entity with
 * {@code @SequenceGenerator(allocationSize = 50)}, so rows written with JDBC and rows persisted through JPA
 * never get the same key. The sequence is created {@code INCREMENT BY 50} (EclipseLink refuses to start
 * otherwise, error 7027) and EclipseLink takes a value N it fetched as the block N-49..N: its
 * {@code StandardSequence.createVector} counts down from the fetched value, unless the persistence unit sets
 * {@code eclipselink.sequencing.start-sequence-at-nextval}, which Tracegate's does not (a test checks both).
 * So every fetched value reserves a block nobody else gets, whoever fetched it; like EclipseLink, the
 * blocks' unused keys are kept for the next call, and keys of a rolled-back transaction are skipped.
 */
final class PooledSequence {

    private final String sequence;
    private final int allocationSize;
    private final Deque<long[]> blocks = new ArrayDeque<>();

    /** @param sequence a sequence name from the migrations (never user input: it becomes part of SQL) */
    PooledSequence(String sequence, int allocationSize) {
        if (!sequence.matches("[a-z_]+") || allocationSize < 1) {
            throw new IllegalArgumentException(sequence + " / " + allocationSize);
        }
        this.sequence = sequence;
        this.allocationSize = allocationSize;
    }

    /** The first key of the block that fetching {@code value} from the sequence reserves (the last is {@code value}). */
    static long firstOfBlock(long value, int allocationSize) {
        return value - allocationSize + 1;
    }

    /** {@code count} unused keys, ascending within each block; fetches as many blocks as needed in one query. */
    synchronized long[] next(Connection connection, int count) throws SQLException {
        long[] keys = new long[count];
        long available = blocks.stream().mapToLong(block -> block[1] - block[0] + 1).sum();
        if (available < count) {
            int missing = (int) ((count - available + allocationSize - 1) / allocationSize);
            List<Long> values = fetch(connection, missing);
            values.sort(null);
            for (long value : values) {
                blocks.addLast(new long[] {firstOfBlock(value, allocationSize), value});
            }
        }
        for (int i = 0; i < count; i++) {
            long[] block = blocks.peekFirst();
            keys[i] = block[0]++;
            if (block[0] > block[1]) {
                blocks.removeFirst();
            }
        }
        return keys;
    }

    /** Fetches {@code count} values from the sequence in one round trip. */
    private List<Long> fetch(Connection connection, int count) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String sql = switch (product) {
            case "H2" -> "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
            case "PostgreSQL" -> "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
            default -> throw new IllegalStateException("Tracegate runs on H2 or PostgreSQL, not " + product);
        };
        List<Long> values = new ArrayList<>(count);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, count);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
        }
        if (values.size() != count || values.stream().distinct().count() != count) {
            throw new IllegalStateException("sequence " + sequence + " gave " + values + " for " + count + " values");
        }
        return values;
    }
}
