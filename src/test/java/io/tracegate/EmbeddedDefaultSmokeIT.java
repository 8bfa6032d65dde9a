package io.tracegate;

import io.tracegate.it.Api;
import io.tracegate.it.Deployment;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default: no database configured, so Tracegate runs on its embedded H2 file database
 * under the data directory, migrates it, loads the demo, and takes an upload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedDefaultSmokeIT {

    @ArquillianResource
    URL deployed;

    @org.jboss.arquillian.container.test.api.Deployment(testable = false)
    static WebArchive deployment() {
        Deployment.wipeDataDir();
        return Deployment.builtWar();
    }

    @Test
    void theEmbeddedDatabaseIsMigratedAndServesTheDemoProject() throws Exception {
        Api api = new Api(Deployment.localBase(deployed));
        Reply ready = api.get(Login.NOBODY, "health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(Files.exists(Deployment.dataDir().resolve("db/tracegate.mv.db")))
                .as("H2 keeps its file under the data directory").isTrue();

        Reply releases = api.get(Login.AUDITOR, "api/models/front-camera-object-detector/releases");
        assertThat(releases.json().getInt("total")).isEqualTo(2);

        long id = releases.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        byte[] bytes = "calibration cache".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        Reply upload = api.upload(Login.ML_ENGINEER,
                "api/releases/" + id + "/artifacts/smoke.cache?kind=CALIBRATION_CACHE&sha256=" + sha, bytes);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);

        // The audit trail on H2 (no triggers there): the demo load and the upload are chained and verify.
        Reply verify = api.get(Login.AUDITOR, "api/audit/verify");
        assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
        assertThat(verify.json().getBoolean("valid")).as(verify.toString()).isTrue();
        assertThat(verify.json().getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(2);
    }
}
