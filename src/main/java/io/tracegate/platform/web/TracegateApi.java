package io.tracegate.platform.web;

import io.tracegate.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, served under {@code /api}; its OpenAPI document is at {@code /openapi}. */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.ML_ENGINEER, Roles.SAFETY_ENGINEER, Roles.APPROVER, Roles.SAFETY_MANAGER,
        Roles.AUDITOR, Roles.ANY_ROLE})
@OpenAPIDefinition(
        info = @Info(title = "Tracegate API", version = "1",
                description = "Model releases, requirements, HIL evidence, approvals and audit packages "
                        + "for compressed perception models. Errors are RFC 9457 problem+json."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer"),
                @SecurityRequirement(name = "session")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (tg_...) from POST /api/tokens, limited to its scope")
@SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "TRACEGATE_SESSION",
        description = "Browser session from POST /api/session; state changes also need the X-CSRF-Token header")
public class TracegateApi extends Application {
}
