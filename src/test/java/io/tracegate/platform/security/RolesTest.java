package io.tracegate.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    @Test
    void everyoneHoldingOneOfTheSixRolesAlsoHoldsAnyRole() {
        for (String role : Roles.all()) {
            assertThat(Roles.callerGroups(Set.of(role))).containsExactlyInAnyOrder(role, Roles.ANY_ROLE);
        }
        assertThat(Roles.callerGroups(Set.of(Roles.ML_ENGINEER, "token:upload")))
                .containsExactlyInAnyOrder(Roles.ML_ENGINEER, "token:upload", Roles.ANY_ROLE);
    }

    @Test
    void aCallerWithoutARoleDoesNotHoldAnyRoleEvenIfAnIdentityStoreClaimsIt() {
        assertThat(Roles.callerGroups(Set.of())).isEmpty();
        assertThat(Roles.callerGroups(Set.of("token:upload"))).containsExactly("token:upload");
        assertThat(Roles.callerGroups(Set.of(Roles.ANY_ROLE))).isEmpty();
    }

    @Test
    void anyRoleIsNotARoleAnAccountCanBeGiven() {
        assertThat(Roles.all()).doesNotContain(Roles.ANY_ROLE).hasSize(6);
    }
}
