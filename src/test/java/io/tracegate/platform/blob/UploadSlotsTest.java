package io.tracegate.platform.blob;

import io.tracegate.platform.failure.Busy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadSlotsTest {

    @Test
    void oneAccountGetsNoMoreThanItsShareAndTheNextIsToldWhenToRetry() {
        UploadSlots slots = new UploadSlots(8, 2);
        UploadSlots.Slot first = slots.take("ci-nightly");
        slots.take("ci-nightly");
        assertThatThrownBy(() -> slots.take("ci-nightly")).isInstanceOf(Busy.class)
                .satisfies(busy -> assertThat(((Busy) busy).retryAfter()).isPositive());
        assertThat(slots.take("mira")).as("another account still gets a slot").isNotNull();
        first.close();
        first.close(); // closing twice frees one slot, not two
        assertThat(slots.take("ci-nightly")).isNotNull();
        assertThat(slots.inUse()).isEqualTo(3);
    }

    @Test
    void theServerWideBoundHoldsAcrossAccounts() {
        UploadSlots slots = new UploadSlots(3, 2);
        slots.take("a");
        slots.take("b");
        UploadSlots.Slot third = slots.take("c");
        assertThatThrownBy(() -> slots.take("d")).isInstanceOf(Busy.class).hasMessageContaining("3 uploads");
        third.close();
        assertThat(slots.take("d")).isNotNull();
    }

    @Test
    void theDefaultFitsTheBuffersOfEveryUploadInAQuarterOfTheHeap() {
        assertThat(UploadSlots.fittingHeap(512L << 20)).isEqualTo(8);
        assertThat(UploadSlots.fittingHeap(512L << 20) * UploadSlots.BUFFER_BYTES).isLessThanOrEqualTo((512L << 20) / 4);
        assertThat(UploadSlots.fittingHeap(32L << 20)).as("never none").isEqualTo(1);
    }
}
