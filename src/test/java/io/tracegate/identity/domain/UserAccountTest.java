package io.tracegate.identity.domain;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static UserAccount mira() {
        return UserAccount.create("mira", "Mira Okafor", "hash-1", Set.of(Roles.ML_ENGINEER), NOW);
    }

    @Test
    void meIsReservedAndThePrintedNameIsRequired() {
        assertThatThrownBy(() -> UserAccount.create("me", "Me", "h", Set.of(Roles.AUDITOR), NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> UserAccount.create("ann", " ", "h", Set.of(Roles.AUDITOR), NOW))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("printedName");
        assertThatThrownBy(() -> UserAccount.create("ann", "Ann\nEvil", "h", Set.of(Roles.AUDITOR), NOW))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> UserAccount.create("ann", "Ann", "h", Set.of("ROOT"), NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("one or more of");
    }

    @Test
    void deactivationIsRecordedOnceAndKeepsTheName() {
        UserAccount account = mira();
        account.deactivate("admin", NOW.plusSeconds(1));
        account.deactivate("other", NOW.plusSeconds(2));
        assertThat(account.isActive()).isFalse();
        assertThat(account.deactivatedBy()).isEqualTo("admin");
        assertThat(account.deactivatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(account.displayName()).isEqualTo("Mira Okafor");
    }

    @Test
    void anAssignedPasswordMustBeReplacedAndEveryChangeMovesTheStamp() {
        UserAccount account = mira();
        assertThat(account.passwordChangeRequired()).isFalse();
        String first = account.credentialStamp();
        account.passwordAssigned("hash-2", NOW.plusSeconds(1));
        assertThat(account.passwordChangeRequired()).isTrue();
        String second = account.credentialStamp();
        account.passwordChosen("hash-3", NOW.plusSeconds(2));
        assertThat(account.passwordChangeRequired()).isFalse();
        assertThat(account.passwordChangedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(Set.of(first, second, account.credentialStamp())).hasSize(3);
        assertThat(account.credentialStamp()).hasSize(32).doesNotContain("hash-3");
    }

    @Test
    void rolesAreReplacedNotMerged() {
        UserAccount account = mira();
        account.changeRoles(Set.of(Roles.APPROVER, Roles.SAFETY_ENGINEER));
        assertThat(account.roles()).containsExactlyInAnyOrder(Roles.APPROVER, Roles.SAFETY_ENGINEER);
        assertThatThrownBy(() -> account.changeRoles(Set.of())).isInstanceOf(InvalidInput.class);
    }
}
