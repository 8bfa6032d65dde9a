package io.tracegate.requirement.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Primary keys for rows written with JDBC into tables whose entities EclipseLink also inserts: every key is a
 * value the database sequence itself returned, one {@code nextval} per row, all fetched in one round trip.
 *
 * <p>Why this never collides with EclipseLink, whatever its version: the sequences are created
 * {@code INCREMENT BY} the entity's {@code allocationSize} (50), so any two values the sequence returns differ
 * by a multiple of 50. EclipseLink turns each value it fetches into a block of 50 consecutive keys containing
 * that value (today the block ending at it; with {@code start-sequence-at-nextval}, the block starting at it).
 * A block of 50 consecutive numbers holds only one value of the sequence, the one EclipseLink fetched, so it
 * never holds a value fetched here. Nothing of EclipseLink's block arithmetic is repeated here; the price is
 * that keys written here are 50 apart.
 */
final class SequenceKeys {

    private SequenceKeys() {
    }

    /**
     * {@code count} fresh values of {@code sequence}, ascending, in one query on {@code connection}.
     *
     * @param sequence a sequence name from the migrations (never user input: it becomes part of SQL)
     */
    static long[] next(Connection connection, String sequence, int count) throws SQLException {
        if (!sequence.matches("[a-z_]+") || count < 0) {
            throw new IllegalArgumentException(sequence + " / " + count);
        }
        if (count == 0) {
            return new long[0];
        }
        long[] keys = new long[count];
        int fetched = 0;
        try (PreparedStatement select = connection.prepareStatement(query(connection, sequence))) {
            select.setInt(1, count);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && fetched < count) {
                    keys[fetched++] = rows.getLong(1);
                }
            }
        }
        Arrays.sort(keys);
        if (fetched != count || Arrays.stream(keys).distinct().count() != count) {
            throw new IllegalStateException("sequence " + sequence + " gave " + fetched + " distinct values for "
                    + count + " keys: " + Arrays.toString(Arrays.copyOf(keys, Math.min(fetched, 5))));
        }
        return keys;
    }

    private static String query(Connection connection, String sequence) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "H2" -> "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
            case "PostgreSQL" -> "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
            default -> throw new IllegalStateException("Tracegate runs on H2 or PostgreSQL, not " + product);
        };
    }
}
