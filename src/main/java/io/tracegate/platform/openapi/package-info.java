/**
 * The API's description: the OpenAPI document MicroProfile OpenAPI builds from the JAX-RS resources, cleaned
 * into one any OpenAPI tool reads ({@link io.tracegate.platform.openapi.OpenApiCleanup}), its body schemas
 * written from the records every concept lists as {@link io.tracegate.platform.openapi.ApiRecords}, served as
 * {@code application/yaml} or JSON ({@link io.tracegate.platform.openapi.OpenApiMediaType}), and browsable
 * with Swagger UI at {@code /openapi/ui} ({@link io.tracegate.platform.openapi.SwaggerUiPage}).
 */
package io.tracegate.platform.openapi;
