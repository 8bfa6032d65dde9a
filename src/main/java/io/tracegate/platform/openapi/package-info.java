/**
 * The API's description: the OpenAPI document MicroProfile OpenAPI builds from the JAX-RS resources, cleaned
 * into one any OpenAPI tool reads ({@link io.tracegate.platform.openapi.OpenApiCleanup}), served as
 * {@code application/yaml} or JSON ({@link io.tracegate.platform.openapi.OpenApiMediaType}), and browsable
 * with Swagger UI at {@code /openapi/ui} ({@link io.tracegate.platform.openapi.SwaggerUiPage}).
 */
package io.tracegate.platform.openapi;
