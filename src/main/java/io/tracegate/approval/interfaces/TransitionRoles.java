package io.tracegate.approval.interfaces;

import io.tracegate.platform.failure.NotPermitted;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Map;

import static io.tracegate.platform.security.Roles.ADMIN;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;

/**
 * Who may move a release to which state, checked at the HTTP edge so a refusal names the target ({@code to}) and
 * the roles that may, instead of surfacing as the EJB container's access exception. The same roles are declared
 * on the use cases ({@code ReleaseReview}); {@code TransitionRolesTest} keeps the two equal.
 */
final class TransitionRoles {

    static final Map<String, List<String>> MAY_MOVE_TO = Map.of(
            "IN_REVIEW", List.of(ML_ENGINEER, ADMIN),
            "DRAFT", List.of(ML_ENGINEER, SAFETY_MANAGER, ADMIN),
            "RELEASED", List.of(SAFETY_MANAGER, ADMIN),
            "REVOKED", List.of(SAFETY_MANAGER, ADMIN));

    private TransitionRoles() {
    }

    /** Refuses (403, field {@code to}) a caller holding none of the roles that may move a release to {@code to}. */
    static void check(SecurityContext caller, String to) {
        List<String> roles = MAY_MOVE_TO.get(to);
        if (roles != null && roles.stream().noneMatch(caller::isUserInRole)) {
            throw new NotPermitted("to", "moving a release to " + to + " needs one of the roles " + roles);
        }
    }
}
