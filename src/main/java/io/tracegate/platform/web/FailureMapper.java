package io.tracegate.platform.web;

import io.tracegate.platform.failure.Busy;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.Failure;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NoSuchEntity;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.platform.failure.StaleVersion;
import io.tracegate.platform.failure.Throttled;
import io.tracegate.platform.failure.UploadRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the failures of use cases to HTTP statuses and problem+json, never naming a folder of the server. */
@Provider
public class FailureMapper implements ExceptionMapper<Failure> {

    @Override
    public Response toResponse(Failure failure) {
        if (failure instanceof Throttled throttled) {
            return Response.fromResponse(Problem.response(Status.TOO_MANY_REQUESTS, TooManyAttempts.SLUG,
                    detailOf(failure), failure.field())).header("Retry-After", TooManyAttempts.seconds(throttled.waitFor()))
                    .build();
        }
        Response problem = Problem.response(statusOf(failure), slugOf(failure), detailOf(failure), failure.field());
        if (failure instanceof Busy busy) {
            return Response.fromResponse(problem).header("Retry-After", TooManyAttempts.seconds(busy.retryAfter())).build();
        }
        return problem;
    }

    /** The failure's message, with no folder of the server in it ({@link ServerFolders}). */
    static String detailOf(Failure failure) {
        return ServerFolders.ofThisServer().hide(failure.getMessage());
    }

    static Status statusOf(Failure failure) {
        if (failure instanceof InvalidInput) {
            return Status.BAD_REQUEST;
        }
        if (failure instanceof NoSuchEntity) {
            return Status.NOT_FOUND;
        }
        if (failure instanceof NotPermitted) {
            return Status.FORBIDDEN;
        }
        if (failure instanceof Conflict) {
            return Status.CONFLICT;
        }
        if (failure instanceof Throttled) {
            return Status.TOO_MANY_REQUESTS;
        }
        if (failure instanceof StaleVersion) {
            return Status.PRECONDITION_FAILED;
        }
        if (failure instanceof Busy) {
            return Status.SERVICE_UNAVAILABLE;
        }
        if (failure instanceof UploadRejected rejected) {
            return rejected.reason() == UploadRejected.Reason.TOO_LARGE ? Status.REQUEST_ENTITY_TOO_LARGE
                    : Status.BAD_REQUEST;
        }
        return Status.BAD_REQUEST;
    }

    private static String slugOf(Failure failure) {
        if (failure instanceof UploadRejected rejected) {
            return rejected.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        return switch (statusOf(failure)) {
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case FORBIDDEN -> "not-permitted";
            case PRECONDITION_FAILED -> "stale-version";
            case SERVICE_UNAVAILABLE -> "busy";
            default -> "invalid-input";
        };
    }
}
