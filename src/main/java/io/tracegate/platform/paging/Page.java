package io.tracegate.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total so clients can page on. */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    /** The page of an already loaded list (short lists such as a release's artifacts). */
    public static <T> Page<T> slice(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), offset, limit, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), offset, limit, total);
    }
}
