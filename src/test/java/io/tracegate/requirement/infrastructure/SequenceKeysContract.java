package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.persistence.SchemaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the JDBC writer takes from a sequence never collide with keys EclipseLink allocates from the same
 * sequence, whichever way EclipseLink turns a fetched value into a block: the block EclipseLink itself
 * computes (its {@code StandardSequence.createVector}, from the Payara Micro jar the server runs), the block
 * ending at the value and the block starting at it. Run on H2 and on PostgreSQL.
 */
abstract class SequenceKeysContract {

    private static final int ALLOCATION_SIZE = 50;
    private static final String SEQUENCE = "requirement_seq";

    @TempDir
    static Path temp;
    private static ClassLoader eclipseLinkLoader;

    /** A migrated database nobody else uses. */
    abstract DataSource emptyDatabase();

    private DataSource db;

    @BeforeEach
    void migrate() {
        db = emptyDatabase();
        SchemaMigration.migrator(db, "classpath:db/migration").migrate();
    }

    /** EclipseLink's own {@code StandardSequence.createVector(value, name, size)}: its keys for a fetched value. */
    static List<Long> eclipseLinkBlock(long value) {
        try {
            ClassLoader eclipseLink = eclipseLink();
            Object sequence = eclipseLink.loadClass("org.eclipse.persistence.sequencing.NativeSequence")
                    .getConstructor(String.class, int.class).newInstance(SEQUENCE, ALLOCATION_SIZE);
            Method createVector = eclipseLink.loadClass("org.eclipse.persistence.sequencing.StandardSequence")
                    .getDeclaredMethod("createVector", Number.class, String.class, int.class);
            createVector.setAccessible(true);
            List<Long> keys = new ArrayList<>();
            for (Object key : (List<?>) createVector.invoke(sequence, value, SEQUENCE, ALLOCATION_SIZE)) {
                keys.add(((Number) key).longValue());
            }
            return keys;
        } catch (ReflectiveOperationException | java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized ClassLoader eclipseLink() throws java.io.IOException, java.net.URISyntaxException {
        if (eclipseLinkLoader == null) {
            Path payara = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path core = temp.resolve("org.eclipse.persistence.core.jar");
            try (ZipFile jar = new ZipFile(payara.toFile());
                 InputStream in = jar.getInputStream(jar.getEntry("MICRO-INF/runtime/org.eclipse.persistence.core.jar"))) {
                Files.copy(in, core);
            }
            eclipseLinkLoader = new URLClassLoader(new URL[] {core.toUri().toURL()}, SequenceKeysContract.class.getClassLoader());
        }
        return eclipseLinkLoader;
    }

    static List<Long> blockEndingAt(long value) {
        return LongStream.rangeClosed(value - ALLOCATION_SIZE + 1, value).boxed().toList();
    }

    static List<Long> blockStartingAt(long value) {
        return LongStream.range(value, value + ALLOCATION_SIZE).boxed().toList();
    }

    private static long fetch(Connection connection) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        try (Statement sql = connection.createStatement();
             ResultSet value = sql.executeQuery(h2 ? "SELECT NEXT VALUE FOR " + SEQUENCE : "SELECT nextval('" + SEQUENCE + "')")) {
            value.next();
            return value.getLong(1);
        }
    }

    @Test
    void keysAreFreshValuesOfTheSequenceInAscendingOrder() throws Exception {
        try (Connection connection = db.getConnection()) {
            assertThat(SequenceKeys.next(connection, SEQUENCE, 1)).containsExactly(50);
            long[] many = SequenceKeys.next(connection, SEQUENCE, 2_500);
            assertThat(many).hasSize(2_500).doesNotHaveDuplicates().isSorted();
            assertThat(many[0]).isEqualTo(100);
            assertThat(many[2_499]).isEqualTo(125_050);
            assertThat(SequenceKeys.next(connection, SEQUENCE, 0)).isEmpty();
            assertThat(fetch(connection)).as("the sequence moved past every key handed out").isEqualTo(125_100);
        }
    }

    @Test
    void interleavedWithEclipseLinkOnOneConnectionNoKeyIsHandedOutTwice() throws Exception {
        for (LongFunction<List<Long>> eclipseLink : List.<LongFunction<List<Long>>>of(
                SequenceKeysContract::eclipseLinkBlock, SequenceKeysContract::blockEndingAt,
                SequenceKeysContract::blockStartingAt)) {
            List<Long> keys = new ArrayList<>();
            try (Connection connection = db.getConnection()) {
                for (int round = 0; round < 20; round++) {
                    for (long key : SequenceKeys.next(connection, SEQUENCE, 1 + 37 * round)) {
                        keys.add(key);
                    }
                    keys.addAll(eclipseLink.apply(fetch(connection)));
                    keys.add(SequenceKeys.next(connection, SEQUENCE, 1)[0]);
                    keys.addAll(eclipseLink.apply(fetch(connection)));
                }
            }
            assertThat(new HashSet<>(keys)).as("distinct keys").hasSize(keys.size());
        }
    }

    @Test
    void concurrentWithEclipseLinkOnOtherConnectionsNoKeyIsHandedOutTwice() throws Exception {
        List<Long> keys = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean writer = t % 2 == 0;
                done.add(threads.submit(() -> {
                    try (Connection connection = db.getConnection()) {
                        for (int round = 0; round < 50; round++) {
                            if (writer) {
                                for (long key : SequenceKeys.next(connection, SEQUENCE, 1 + round % 7 * 13)) {
                                    keys.add(key);
                                }
                            } else {
                                keys.addAll(eclipseLinkBlock(fetch(connection)));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        Set<Long> distinct = new HashSet<>(keys);
        assertThat(distinct).as("distinct keys").hasSize(keys.size());
        assertThat(keys).hasSize((int) (2 * 50 * ALLOCATION_SIZE + 2 * LongStream.range(0, 50).map(r -> 1 + r % 7 * 13).sum()));
    }

    @Test
    void eclipseLinkTakesABlockOfConsecutiveKeysHoldingTheFetchedValue() {
        // What the argument of SequenceKeys rests on: one value of the sequence per block (today the block ends at it).
        for (long value : new long[] {50, 100, 1_000_050}) {
            List<Long> block = eclipseLinkBlock(value);
            assertThat(block).hasSize(ALLOCATION_SIZE).contains(value);
            assertThat(block.get(block.size() - 1) - block.get(0)).isEqualTo(ALLOCATION_SIZE - 1);
        }
    }

    @Test
    void onlySequenceNamesBecomeSql() throws Exception {
        try (Connection connection = db.getConnection()) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> SequenceKeys.next(connection, "requirement_seq; DROP TABLE requirement", 1));
        }
    }
}
