package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.persistence.SchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys written with JDBC must never collide with keys EclipseLink allocates from the same sequence. These
 * tests run EclipseLink's own block computation (from the EclipseLink inside the Payara Micro jar the
 * server runs) against ours, and interleave both allocators on a real sequence.
 */
class PooledSequenceTest {

    @TempDir
    static Path temp;

    /** {@code StandardSequence.createVector(value, name, size)}: the keys EclipseLink takes for a fetched value. */
    private static List<Long> eclipseLinkBlock(long value, int size) throws Exception {
        ClassLoader eclipseLink = eclipseLink();
        Class<?> nativeSequence = eclipseLink.loadClass("org.eclipse.persistence.sequencing.NativeSequence");
        Object sequence = nativeSequence.getConstructor(String.class, int.class).newInstance("requirement_seq", size);
        Method createVector = eclipseLink.loadClass("org.eclipse.persistence.sequencing.StandardSequence")
                .getDeclaredMethod("createVector", Number.class, String.class, int.class);
        createVector.setAccessible(true);
        List<Long> keys = new ArrayList<>();
        for (Object key : (List<?>) createVector.invoke(sequence, value, "requirement_seq", size)) {
            keys.add(((Number) key).longValue());
        }
        return keys;
    }

    private static ClassLoader eclipseLinkLoader;

    private static synchronized ClassLoader eclipseLink() throws Exception {
        if (eclipseLinkLoader == null) {
            Path payara = Path.of(fish.payara.micro.PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path core = temp.resolve("org.eclipse.persistence.core.jar");
            try (ZipFile jar = new ZipFile(payara.toFile());
                 InputStream in = jar.getInputStream(jar.getEntry("MICRO-INF/runtime/org.eclipse.persistence.core.jar"))) {
                Files.copy(in, core);
            }
            eclipseLinkLoader = new URLClassLoader(new URL[] {core.toUri().toURL()}, PooledSequenceTest.class.getClassLoader());
        }
        return eclipseLinkLoader;
    }

    static JdbcDataSource migratedH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("tracegate");
        SchemaMigration.migrator(h2, "classpath:db/migration").migrate();
        return h2;
    }

    private static long fetch(Connection connection, String sequence) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet value = sql.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
            value.next();
            return value.getLong(1);
        }
    }

    @Test
    void eclipseLinkTakesTheBlockEndingAtTheFetchedValueAndSoDoWe() throws Exception {
        for (long value : new long[] {50, 100, 1_000_050}) {
            List<Long> ours = LongStream.rangeClosed(PooledSequence.firstOfBlock(value, 50), value).boxed().toList();
            assertThat(eclipseLinkBlock(value, 50)).isEqualTo(ours);
        }
        assertThat(eclipseLinkBlock(50, 50)).as("START WITH 50: the first block is 1..50").startsWith(1L).endsWith(50L);
    }

    @Test
    void neitherDatabasePlatformNorThePersistenceUnitStartsBlocksAtTheFetchedValue() throws Exception {
        for (String platform : List.of("H2Platform", "PostgreSQLPlatform")) {
            Object instance = eclipseLink().loadClass("org.eclipse.persistence.platform.database." + platform)
                    .getConstructor().newInstance();
            assertThat(instance.getClass().getMethod("getDefaultSeqenceAtNextValue").invoke(instance))
                    .as(platform).isEqualTo(false);
        }
        try (InputStream unit = getClass().getResourceAsStream("/META-INF/persistence.xml")) {
            assertThat(new String(unit.readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("start-sequence-at-nextval").contains("jakarta.persistence");
        }
    }

    @Test
    void jdbcAndEclipseLinkAllocatingFromTheSameSequenceNeverCollide() throws Exception {
        try (Connection connection = migratedH2().getConnection()) {
            PooledSequence ours = new PooledSequence("requirement_seq", 50);
            List<Long> jdbc = new ArrayList<>();
            List<Long> jpa = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (long key : ours.next(connection, 7 + 31 * round)) {
                    jdbc.add(key);
                }
                jpa.addAll(eclipseLinkBlock(fetch(connection, "requirement_seq"), 50));
                for (long key : ours.next(connection, 1)) {
                    jdbc.add(key);
                }
            }
            Set<Long> all = new HashSet<>(jdbc);
            assertThat(all).as("our keys are unique").hasSize(jdbc.size());
            assertThat(all).doesNotContainAnyElementsOf(jpa);
            assertThat(jdbc.get(0)).as("a fresh sequence starts at 1, as with EclipseLink").isEqualTo(1L);
        }
    }

    @Test
    void aBlockIsUsedUpBeforeTheNextIsFetchedAndOneQueryFetchesMany() throws Exception {
        try (Connection connection = migratedH2().getConnection()) {
            PooledSequence ours = new PooledSequence("requirement_baseline_seq", 50);
            assertThat(ours.next(connection, 1)).containsExactly(1);
            assertThat(ours.next(connection, 2)).containsExactly(2, 3);
            assertThat(fetch(connection, "requirement_baseline_seq")).as("only one value taken so far").isEqualTo(100);
            long[] many = ours.next(connection, 120);
            assertThat(many).hasSize(120).doesNotHaveDuplicates();
            assertThat(many[0]).isEqualTo(4);
            assertThat(many[46]).isEqualTo(50);
            assertThat(many[47]).as("the block of 100 went to someone else").isEqualTo(101);
            assertThat(many[119]).isEqualTo(173);
            assertThat(fetch(connection, "requirement_baseline_seq")).as("73 more keys: two blocks in one query").isEqualTo(250);
        }
    }
}
