package io.tracegate.platform.paging;

import io.tracegate.platform.failure.InvalidInput;

import java.util.List;

/** A page of a list: {@code items}, where it starts, how many were asked for, and how many there are. */
public record PageView<T>(List<T> items, int offset, int limit, long total) {

    static final int MAX_LIMIT = 500;

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.offset(), page.limit(), page.total());
    }

    public static void check(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInput("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
