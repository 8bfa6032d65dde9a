package io.tracegate.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker behind {@link OpenApiScenarios}, on documents small enough to read. */
class OpenApiShapeTest {

    private static OpenAPI parse(String yaml) {
        return new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
    }

    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            """;

    @Test
    void aBareObjectAnywhereInAJsonBodyIsNamedWithWhereItIs() {
        OpenAPI api = parse(HEAD + """
                paths:
                  /a:
                    post:
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
                        "4XX": {description: no, content: {application/problem+json: {schema: {type: object}}}}
                  /b:
                    get:
                      responses:
                        "200": {description: ok, content: {application/octet-stream: {schema: {type: object}}}}
                components:
                  schemas:
                    A:
                      type: object
                      properties:
                        when: {type: object}
                        tags: {type: object, additionalProperties: {type: string}}
                        list: {type: array, items: {type: object}}
                        ok: {type: string}
                """);
        assertThat(OpenApiShape.bareJsonSchemas(api)).containsExactlyInAnyOrder(
                "POST /a request application/json", "A.when", "A.list[]", "POST /a 4XX application/problem+json");
    }

    @Test
    void pathsThatDifferOnlyInParameterNamesAreOneTemplate() {
        OpenAPI api = parse(HEAD + """
                paths:
                  /r/{id}/e/{fileName}: {put: {responses: {"200": {description: ok}}}}
                  /r/{id}/e/{evidenceId}: {get: {responses: {"200": {description: ok}}}}
                  /r/{id}/e/files/{fileName}: {put: {responses: {"200": {description: ok}}}}
                """);
        assertThat(OpenApiShape.equivalentTemplates(api)).containsExactly("/r/{id}/e/{fileName} ~ /r/{id}/e/{evidenceId}");
    }

    @Test
    void aRefToNoSchemaIsDangling() {
        OpenAPI api = parse(HEAD + """
                paths:
                  /a:
                    get:
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/APage'}}}}
                components:
                  schemas:
                    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                """);
        assertThat(OpenApiShape.danglingRefs(api))
                .containsExactlyInAnyOrder("#/components/schemas/APage", "#/components/schemas/B");
    }
}
