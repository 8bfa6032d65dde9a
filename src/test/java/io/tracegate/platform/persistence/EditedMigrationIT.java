package io.tracegate.platform.persistence;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server with an edited migration: Tracegate first starts with the real WAR, then with a WAR
 * whose already-applied V1 has one comment added. The second start must not serve: readiness is DOWN
 * naming Flyway's checksum mismatch, and the API answers 503. Not an Arquillian test: it needs two
 * servers, one after the other, on the same database.
 */
class EditedMigrationIT {

    private static final String V1 = "WEB-INF/classes/db/migration/V1__platform_releases_artifacts.sql";

    @TempDir
    Path data;

    @TempDir
    Path wars;

    @Test
    void anEditedAppliedMigrationKeepsTheServerOutOfService() throws Exception {
        Path war = Path.of(System.getProperty("tracegate.it.war", "target/tracegate.war"));
        try (ServerProcess original = ServerProcess.start(payara(), war, data, "512m", log(), Map.of())) {
            assertThat(new Api(original.base()).get(Login.AUDITOR, "api/models").status()).isEqualTo(200);
        }

        Path edited = withEditedFirstMigration(war);
        try (ServerProcess tampered = ServerProcess.launch(payara(), edited, data, "512m", log(), Map.of())) {
            HttpResponse<String> readiness = tampered.awaitReadinessAnswer(Duration.ofMinutes(3));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN").doesNotContainIgnoringCase("checksum")
                    .as("no data paths for anyone").doesNotContain(data.toString());
            Reply forAdmin = new Api(tampered.base()).get(Login.ADMIN, "health/ready");
            assertThat(forAdmin.status()).isEqualTo(503);
            assertThat(forAdmin.body()).as("an administrator is told why").containsIgnoringCase("checksum");

            Reply api = new Api(tampered.base()).get(Login.AUDITOR, "api/models");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.json().getString("detail")).contains("not ready").doesNotContainIgnoringCase("checksum");
            Reply apiForAdmin = new Api(tampered.base()).get(Login.ADMIN, "api/models");
            assertThat(apiForAdmin.status()).isEqualTo(503);
            assertThat(apiForAdmin.json().getString("detail")).containsIgnoringCase("checksum");
        }
    }

    private Path withEditedFirstMigration(Path war) throws Exception {
        Path edited = wars.resolve("tracegate.war");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            boolean found = false;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(V1)) {
                    found = true;
                    bytes = (new String(bytes, StandardCharsets.UTF_8) + "\n-- an innocent-looking edit\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
            assertThat(found).as(V1 + " in the WAR").isTrue();
        }
        return edited;
    }

    private static Path payara() {
        return Path.of(System.getProperty("tracegate.it.payara"));
    }

    private static Path log() throws Exception {
        Path log = Path.of(System.getProperty("tracegate.it.logs", "target")).resolve("edited-migration-server.log");
        Files.createDirectories(log.getParent());
        return log;
    }
}
