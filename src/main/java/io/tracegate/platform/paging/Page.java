package io.tracegate.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total so clients can page on. */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), offset, limit, total);
    }
}
