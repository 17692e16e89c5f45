package org.crisistimeline.query.system;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a listing in key order, and where the next one starts ({@code cursor=nextCursor}); null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** {@code rows} as read with a limit one larger than {@code limit}: the extra row only tells that more follow. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, key.apply(items.get(limit - 1)));
    }
}
