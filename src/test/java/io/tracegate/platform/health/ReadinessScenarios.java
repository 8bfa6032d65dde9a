package io.tracegate.platform.health;

import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness tells a load balancer whether Tracegate can serve: database, schema, blob store. */
public interface ReadinessScenarios extends ApiScenarios {

    @Test
    default void readinessIsUpWithTheDatabaseSchemaAndBlobStoreChecked() {
        Reply reply = api().get(Login.NOBODY, "health/ready");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject check = reply.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("tracegate")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        JsonObject data = check.getJsonObject("data");
        assertThat(data.getString("database")).isEqualTo("reachable");
        assertThat(data.getString("schema")).startsWith("migrated to version ");
        assertThat(data.getString("blobStore")).startsWith("writable");
    }

}
