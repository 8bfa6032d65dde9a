package io.tracegate.evidence.interfaces;

import io.tracegate.evidence.application.EvidenceUpload;
import io.tracegate.platform.failure.InvalidInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload's query bean, filled as JAX-RS would fill it; each refusal names the parameter at fault. */
class UploadQueryTest {

    private static final String SHA = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";

    private UploadQuery query;

    @BeforeEach
    void aValidQuery() {
        query = new UploadQuery();
        query.sha256 = SHA;
        query.format = " kpi-csv ";
        query.requirements = List.of("MLR-ROB-SENSOR-FAULT");
        query.scope = List.of("set=night-hil");
        query.ciSystem = "gitlab-ci";
        query.pipelineId = "48211";
        query.runUrl = "https://ci.example.com/p/48211";
        query.tools = List.of("tensorrt:10.3.0");
        query.startedAt = "2026-11-20T01:12:00Z";
        query.finishedAt = "2026-11-20T03:40:00Z";
        query.contentType = "text/csv";
        query.contentLength = "120";
    }

    @Test
    void aValidQueryBecomesTheDeclaredUpload() {
        EvidenceUpload upload = query.upload(7, "kpi.csv");

        assertThat(upload.releaseId()).isEqualTo(7);
        assertThat(upload.fileName()).isEqualTo("kpi.csv");
        assertThat(upload.sha256().hex()).isEqualTo(SHA);
        assertThat(upload.declaredLength()).isEqualTo(120);
        assertThat(upload.format()).isEqualTo("kpi-csv");
        assertThat(upload.requirements()).containsExactly("MLR-ROB-SENSOR-FAULT");
        assertThat(upload.scope()).isEqualTo(Map.of("set", "night-hil"));
        assertThat(upload.provenance().startedAt()).contains(Instant.parse("2026-11-20T01:12:00Z"));
    }

    @Test
    void absentOptionalParametersAreNoneNotNull() {
        UploadQuery bare = new UploadQuery();
        bare.sha256 = SHA;

        EvidenceUpload upload = bare.upload(7, "junit.xml");

        assertThat(upload.format()).isNull();
        assertThat(upload.requirements()).isEmpty();
        assertThat(upload.scope()).isEmpty();
        assertThat(upload.declaredLength()).isEqualTo(-1);
    }

    @Test
    void eachRefusalNamesTheParameter() {
        refused("sha256", q -> q.sha256 = null);
        refused("sha256", q -> q.sha256 = "abc");
        refused("scope", q -> q.scope = List.of("Set=night"));
        refused("scope", q -> q.scope = List.of("set=a", "set=b"));
        refused("tool", q -> q.tools = List.of("tensorrt"));
        refused("startedAt", q -> q.startedAt = "yesterday");
        refused("finishedAt", q -> q.finishedAt = "2026-11-20T00:00:00Z");
        refused("runUrl", q -> q.runUrl = "ftp://ci.example.com");
        refused("Content-Length", q -> q.contentLength = "many");
    }

    private void refused(String field, Consumer<UploadQuery> spoil) {
        aValidQuery();
        spoil.accept(query);
        assertThatThrownBy(() -> query.upload(7, "kpi.csv"))
                .as(field)
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
