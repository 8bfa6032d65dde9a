package io.tracegate.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document, like the health checks, is public: an independent parser (swagger-parser) reads it
 * without a single message, in YAML and in JSON, and Swagger UI shows it at {@code /openapi/ui}.
 */
public interface OpenApiScenarios extends ApiScenarios {

    @Test
    default void theOpenApiDocumentIsYamlThatAnIndependentParserReadsWithoutMessages() {
        Reply reply = api().get(Login.NOBODY, "openapi");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/yaml");

        OpenAPI document = parsed(reply.body());
        assertThat(document.getInfo().getTitle()).isEqualTo("Tracegate API");
        assertThat(document.getPaths()).containsKeys("/api/models", "/api/releases/{id}/artifacts/{fileName}",
                "/api/releases/{id}/evidence/{evidenceId}/metrics", "/api/releases/{id}/packages/{packageId}/content");
        assertThat(document.getPaths().keySet()).noneMatch(path -> path.contains(":"));
        assertThat(document.getExtensions()).isNull();

        Map<String, Schema> schemas = document.getComponents().getSchemas();
        assertThat(schemas.get("ArtifactView").getProperties()).containsKeys("id", "fileName", "sha256", "size");
        assertThat(document.getPaths().get("/api/releases/{id}/artifacts/by-id/{artifactId}/content").getGet()
                .getResponses().get("200").getContent().get("application/octet-stream").getSchema().getFormat())
                .isEqualTo("binary");
        assertThat(document.getPaths().get("/api/releases/{id}/artifacts").getGet().getOperationId())
                .isEqualTo("getReleasesByIdArtifacts");
    }

    @Test
    default void theOpenApiDocumentIsJsonOnRequest() {
        for (Reply reply : new Reply[]{api().send("GET", "openapi", null, Map.of("Accept", "application/json")),
                api().get(Login.NOBODY, "openapi?format=json")}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.body()).startsWith("{");
            assertThat(parsed(reply.body()).getPaths()).containsKey("/api/releases/{id}/evidence/{evidenceId}");
        }
        Reply yaml = api().send("GET", "openapi", null, Map.of("Accept", "application/yaml"));
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
    }

    /**
     * What a generated client needs: every JSON body typed to its leaves, one template per path shape, every
     * {@code $ref} resolving; errors typed as one RFC 9457 {@code Problem}; lists as a typed page envelope.
     */
    @Test
    default void everyJsonBodyIsTypedAndEveryPathTemplateIsDistinct() {
        OpenAPI document = parsed(api().get(Login.NOBODY, "openapi?format=json").body());

        assertThat(OpenApiShape.bareJsonSchemas(document)).as("JSON bodies typed as a bare object").isEmpty();
        assertThat(OpenApiShape.equivalentTemplates(document)).as("paths that are the same template").isEmpty();
        assertThat(OpenApiShape.danglingRefs(document)).as("$refs that resolve to nothing").isEmpty();

        Map<String, Schema> schemas = document.getComponents().getSchemas();
        assertThat(schemas.get("Problem").getProperties()).containsKeys("type", "title", "status", "detail", "field");
        var getModel = document.getPaths().get("/api/models/{name}").getGet();
        assertThat(getModel.getResponses().get("200").getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ModelView");
        assertThat(schemas.get("ModelView").getProperties()).containsKeys("name", "description", "releases");
        assertThat(getModel.getResponses().get("4XX").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        Schema page = schemas.get("EvidenceViewPage");
        assertThat(page.getProperties()).containsOnlyKeys("items", "offset", "limit", "total");
        assertThat(((Schema<?>) page.getProperties().get("items")).getItems().get$ref())
                .isEqualTo("#/components/schemas/EvidenceView");
        assertThat(document.getPaths().get("/api/releases/{id}/evidence").getGet().getResponses().get("200")
                .getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/EvidenceViewPage");
        assertThat(document.getPaths().get("/api/models").getPost().getRequestBody().getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/NewModel");
        assertThat(schemas.get("NewModel").getRequired()).containsExactly("name");

        Map<String, Schema> artifact = schemas.get("ArtifactView").getProperties();
        assertThat(artifact.get("size").getType() + "/" + artifact.get("size").getFormat()).isEqualTo("integer/int64");
        assertThat(artifact.get("uploadedAt").getFormat()).isEqualTo("date-time");
        assertThat(schemas.get("ArtifactView").getRequired()).as("JSON-B leaves out nulls: only primitives are sure")
                .containsExactlyInAnyOrder("id", "releaseId", "size");
        assertThat(((Schema<?>) schemas.get("NewUser").getProperties().get("roles")).getItems().getType())
                .isEqualTo("string");
    }

    @Test
    default void swaggerUiShowsTheDocumentWithoutALogin() {
        Reply page = api().get(Login.NOBODY, "openapi/ui");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"swagger-ui\">", "/openapi?format=json");
        String bundle = page.body().replaceAll("(?s).*<script src=\"/([^\"]+swagger-ui-bundle\\.js)\".*", "$1");
        assertThat(api().get(Login.NOBODY, bundle).status()).as(bundle).isEqualTo(200);
    }

    private static OpenAPI parsed(String body) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(body, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }
}
