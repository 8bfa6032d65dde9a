package io.tracegate.approval.interfaces;

import io.tracegate.approval.application.ReleaseReview;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge's roles per target state are exactly those the use case behind it declares to the container. */
class TransitionRolesTest {

    private static final Map<String, String> USE_CASE = Map.of("IN_REVIEW", "submit", "DRAFT", "reopen",
            "RELEASED", "handOver", "REVOKED", "revoke");

    @Test
    void eachTargetStateNeedsTheRolesOfItsUseCase() {
        assertThat(TransitionRoles.MAY_MOVE_TO.keySet()).isEqualTo(USE_CASE.keySet());
        USE_CASE.forEach((to, method) -> {
            RolesAllowed declared = java.util.Arrays.stream(ReleaseReview.class.getMethods())
                    .filter(m -> m.getName().equals(method)).findFirst().orElseThrow().getAnnotation(RolesAllowed.class);
            assertThat(Set.copyOf(TransitionRoles.MAY_MOVE_TO.get(to))).as(to).isEqualTo(Set.copyOf(List.of(declared.value())));
        });
    }
}
