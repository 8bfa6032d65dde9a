package io.tracegate.platform.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void aSliceOfALoadedListKeepsTheTotal() {
        Page<Integer> page = Page.slice(List.of(1, 2, 3, 4, 5), 1, 2);
        assertThat(page.items()).containsExactly(2, 3);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
    }

    @Test
    void aSliceBeyondTheEndIsEmpty() {
        assertThat(Page.slice(List.of(1, 2), 5, 10).items()).isEmpty();
        assertThat(Page.slice(List.of(1, 2), 1, 500).items()).containsExactly(2);
        assertThat(Page.slice(List.of(1, 2), 0, Integer.MAX_VALUE).items()).containsExactly(1, 2);
    }
}
