package io.tracegate.audit.interfaces;

import io.tracegate.platform.web.StoredFile;
import io.tracegate.audit.application.AuditPackaging;
import io.tracegate.audit.domain.PackageVerification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.util.List;

import static io.tracegate.platform.security.Roles.ANY_ROLE;

/**
 * {@code POST /api/packages/verify}: send a package ZIP as the body, get every check back. 200 either way:
 * the answer is the verification; {@code valid} says whether every check passed.
 * <pre>curl -u ada:... --data-binary @package.zip -H 'Content-Type: application/zip' $TG/api/packages/verify</pre>
 */
@Path("packages/verify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PackageVerificationResource {

    @EJB
    AuditPackaging packaging;

    /** The outcome: every check with whether it passed and what was found. */
    public record VerificationView(boolean valid, String signer, String manifestDigest, List<CheckView> checks) {
    }

    /** One check. */
    public record CheckView(String check, boolean passed, String detail) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ANY_ROLE)
    public VerificationView verify(@HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        PackageVerification v = packaging.verify(body, StoredFile.declaredLength(contentLength));
        return new VerificationView(v.valid(), v.signer(), v.manifestDigest(),
                v.checks().stream().map(c -> new CheckView(c.name(), c.passed(), c.detail())).toList());
    }
}
