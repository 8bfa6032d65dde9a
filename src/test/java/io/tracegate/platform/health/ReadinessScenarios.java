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
    default void readinessShowsAnAdministratorTheDatabaseSchemaAndBlobStoreChecked() {
        Reply reply = api().get(Login.ADMIN, "health/ready");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject check = reply.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("tracegate")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        JsonObject data = check.getJsonObject("data");
        assertThat(data.getString("database")).isEqualTo("reachable");
        assertThat(data.getString("schema")).startsWith("migrated to version ");
        assertThat(data.getString("blobStore")).startsWith("writable");
    }

    @Test
    default void readinessTellsEveryoneElseOnlyTheStatus() {
        for (Login who : new Login[]{Login.NOBODY, Login.AUDITOR, Login.ML_ENGINEER}) {
            Reply reply = api().get(who, "health/ready");
            assertThat(reply.status()).as(who + ": " + reply).isEqualTo(200);
            assertThat(reply.body()).as(who.name()).contains("\"UP\"")
                    .doesNotContain("schema", "database", "blobStore", "migrated", "/");
        }
    }

    @Test
    default void metricsNeedALoginWithAnOperatorsRole() {
        Reply anonymous = api().get(Login.NOBODY, "metrics");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("# TYPE");
        Reply engineer = api().get(Login.ML_ENGINEER, "metrics");
        assertThat(engineer.status()).as(engineer.toString()).isEqualTo(403);
        for (Login who : new Login[]{Login.ADMIN, Login.AUDITOR}) {
            Reply reply = api().get(who, "metrics");
            assertThat(reply.status()).as(who + ": " + reply).isEqualTo(200);
            assertThat(reply.body()).contains("# TYPE");
        }
    }

    @Test
    default void errorPagesAndHeadersDoNotNameTheServer() {
        for (String path : new String[]{"no-such-page", "WEB-INF/web.xml", "api/no-such-resource", "health/ready"}) {
            Reply reply = api().get(Login.NOBODY, path);
            assertThat(reply.body()).as(path).doesNotContainIgnoringCase("payara").doesNotContain("6.20");
            assertThat(reply.header("Server")).as(path + ": Server header").isIn(null, "Tracegate");
            assertThat(reply.header("X-Powered-By")).as(path + ": X-Powered-By header").isNull();
        }
    }

}
