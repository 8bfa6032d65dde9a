package io.tracegate.platform.web;

import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.persistence.Clash;
import io.tracegate.platform.persistence.ConnectionLoss;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a {@link Failure} of ours: container exceptions wrapping ours (EJBException),
 * access refusals from the EJB container, JAX-RS's own 404/405/415, lost optimistic-lock races, and
 * finally real bugs, which get a 500 with an incident id but no stack trace.
 */
@Provider
public class ContainerFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ContainerFailureMapper.class.getName());

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return new FailureMapper().toResponse(failure);
            }
            // Payara refuses a no-interface view with AccessLocalException, which is not an EJBAccessException.
            if (t instanceof EJBAccessException || t instanceof AccessLocalException) {
                // The role check at the HTTP edge (RoleCheck) already passed, so a refusal by the EJB container
                // means the two disagree about the caller's roles: worth a trace, not only a 403.
                LOG.log(Level.WARNING, "EJB container refused " + (security == null || security.getUserPrincipal() == null
                        ? "an anonymous caller" : security.getUserPrincipal().getName()) + " after the HTTP role check passed",
                        thrown);
                return refused();
            }
            if ((t instanceof PessimisticLockException || t instanceof LockTimeoutException) && !ConnectionLoss.in(thrown)) {
                // A row lock (the audit trail's head, under many concurrent writers) was not granted in time: the
                // transaction rolled back, nothing was recorded, and the same request can be sent again. A lock query
                // whose connection broke is a lost connection (below), not a busy server.
                return Response.fromResponse(Problem.response(Status.SERVICE_UNAVAILABLE, "busy",
                        "the server is too busy to record this change now and recorded nothing: retry it", null))
                        .header("Retry-After", "2").build();
            }
            if (t instanceof OptimisticLockException) {
                return Problem.response(Status.CONFLICT, "concurrent-change",
                        "someone else changed this record at the same time; reload and retry", null);
            }
            if (t instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                return status == 401 || status == 403 ? refused() : fromJaxRs(web);
            }
            if (ConnectionLoss.is(t)) {
                LOG.log(Level.WARNING, "Database connection lost during a request", thrown);
                return unavailable("the database connection was lost before the request completed and its "
                        + "transaction was rolled back: retry it");
            }
            if (t instanceof SystemException) {
                // The transaction manager could not commit: the connection broke during the commit itself.
                LOG.log(Level.WARNING, "Commit failed: the database connection was lost", thrown);
                return unavailable("the database connection was lost while the request was being committed: retry "
                        + "it (a retried upload that did get stored answers 200, a retried signature 409)");
            }
            if (t instanceof PersistenceException && Clash.is(t)) {
                return Problem.response(Status.CONFLICT, "conflict",
                        "the change clashes with a record created at the same time; reload and retry", null);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, thrown);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "internal-error",
                "unexpected failure; the server log has incident " + incident, null);
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(Problem.response(Status.SERVICE_UNAVAILABLE, "database-unavailable", detail, null))
                .header("Retry-After", "5").build();
    }

    private Response refused() {
        if (security == null || security.getUserPrincipal() == null) {
            return Unauthenticated.response();
        }
        return Problem.response(Status.FORBIDDEN, "forbidden",
                "your roles do not allow this operation", null);
    }

    private static Response fromJaxRs(WebApplicationException web) {
        Response original = web.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type";
            default -> status.getReasonPhrase();
        };
        Response problem = Problem.response(status, "http-" + status.getStatusCode(), detail, null);
        if (original.getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
        }
        return problem;
    }
}
