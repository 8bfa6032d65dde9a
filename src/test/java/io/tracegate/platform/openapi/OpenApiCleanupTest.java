package io.tracegate.platform.openapi;

import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiCleanupTest {

    @Test
    void pathTemplatesLoseTheirRegularExpressions() {
        assertThat(OpenApiCleanup.plainTemplate("/api/releases/{id}/evidence/{evidenceId: [0-9]+}/metrics"))
                .isEqualTo("/api/releases/{id}/evidence/{evidenceId}/metrics");
        assertThat(OpenApiCleanup.plainTemplate("/api/tokens/{id:[0-9]+}")).isEqualTo("/api/tokens/{id}");
        assertThat(OpenApiCleanup.plainTemplate("/api/models/{name}")).isEqualTo("/api/models/{name}");
    }

    @Test
    void operationIdsComeFromTheMethodAndThePath() {
        assertThat(OpenApiCleanup.operationId("/api/releases/{id}/artifacts", PathItem.HttpMethod.GET))
                .isEqualTo("getReleasesByIdArtifacts");
        assertThat(OpenApiCleanup.operationId("/api/releases/{id}/cross-check", PathItem.HttpMethod.GET))
                .isEqualTo("getReleasesByIdCrossCheck");
        assertThat(OpenApiCleanup.operationId("/api/users/me/password", PathItem.HttpMethod.PUT))
                .isEqualTo("putUsersMePassword");
    }

    @Test
    void yamlIsLabelledAsYamlAndJsonIsAskedForByFormatOrAccept() {
        assertThat(OpenApiMediaType.label("text/plain")).isEqualTo(OpenApiMediaType.YAML);
        assertThat(OpenApiMediaType.label("application/json")).isEqualTo("application/json");
        assertThat(OpenApiMediaType.wantsJson("json", null)).isTrue();
        assertThat(OpenApiMediaType.wantsJson("yaml", "application/json")).isFalse();
        assertThat(OpenApiMediaType.wantsJson(null, "application/json")).isTrue();
        assertThat(OpenApiMediaType.wantsJson(null, "application/yaml, application/json;q=0.5")).isFalse();
        assertThat(OpenApiMediaType.wantsJson(null, null)).isFalse();
    }
}
