package io.snapshotgateway.provider.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * The one paging loop every adapter uses, in the two shapes the vendors have: numbered pages that announce a total
 * (ECS PageNumber, Huawei offset) and opaque continuation tokens (EDS NextToken). Both are guarded against a vendor
 * that never ends.
 */
public final class Paging {
    private Paging() {
    }

    /** One numbered page; {@code totalCount} is null when the vendor did not say. */
    public record NumberedPage<T>(List<T> items, Integer totalCount) {
    }

    /** One token page; a blank {@code nextToken} means it was the last. */
    public record TokenPage<T>(List<T> items, String nextToken) {
    }

    /**
     * Fetches page 0, reads the total from it, then fetches the remaining pages concurrently (at most
     * {@code concurrency} at once). The total is not trusted: while the last page came back full, pages are fetched
     * one more at a time until a short one.
     *
     * @param fetch page index (0-based) to that page
     */
    public static <T> Uni<List<T>> numbered(IntFunction<Uni<NumberedPage<T>>> fetch, int pageSize, int concurrency,
            int maxPages) {
        return fetch.apply(0).onItem().transformToUni(first -> {
            Map<Integer, List<T>> pages = new TreeMap<>();
            pages.put(0, first.items());
            int announced = first.totalCount() == null
                    ? 1
                    : (int) Math.max(1, Math.ceil(first.totalCount() / (double) pageSize));
            if (announced > maxPages) {
                return tooManyPages(maxPages);
            }
            Uni<Map<Integer, List<T>>> rest = announced == 1
                    ? Uni.createFrom().item(pages)
                    : Multi.createFrom().range(1, announced)
                            .onItem().transformToUni(i -> fetch.apply(i).map(p -> Map.entry(i, p.items())))
                            .merge(concurrency)
                            .collect().in(() -> pages, (acc, e) -> acc.put(e.getKey(), e.getValue()));
            return rest.onItem().transformToUni(all -> continueWhileFull(fetch, all, announced, pageSize, maxPages));
        });
    }

    private static <T> Uni<List<T>> continueWhileFull(IntFunction<Uni<NumberedPage<T>>> fetch,
            Map<Integer, List<T>> pages, int next, int pageSize, int maxPages) {
        List<T> last = pages.get(next - 1);
        if (last == null || last.size() < pageSize) {
            List<T> all = new ArrayList<>();
            pages.values().forEach(all::addAll);
            return Uni.createFrom().item(all);
        }
        if (next >= maxPages) {
            return tooManyPages(maxPages);
        }
        return fetch.apply(next).onItem().transformToUni(page -> {
            pages.put(next, page.items());
            return continueWhileFull(fetch, pages, next + 1, pageSize, maxPages);
        });
    }

    /**
     * Follows continuation tokens to the end, one page at a time (a token is only known once the previous page
     * arrived). A token seen twice, or more than {@code maxPages} pages, fails the listing.
     *
     * @param fetch continuation token (null for the first page) to that page
     */
    public static <T> Uni<List<T>> tokened(Function<String, Uni<TokenPage<T>>> fetch, int maxPages) {
        return followTokens(fetch, null, new ArrayList<>(), new HashSet<>(), 1, maxPages);
    }

    private static <T> Uni<List<T>> followTokens(Function<String, Uni<TokenPage<T>>> fetch, String token,
            List<T> acc, Set<String> seen, int page, int maxPages) {
        return fetch.apply(token).onItem().transformToUni(p -> {
            acc.addAll(p.items());
            String next = p.nextToken();
            if (next == null || next.isBlank()) {
                return Uni.createFrom().item(acc);
            }
            if (!seen.add(next)) {
                return Uni.createFrom().failure(new UpstreamException(UpstreamFailure.of(
                        ProblemType.UPSTREAM_UNAVAILABLE, "the vendor returned the same continuation token twice")));
            }
            if (page >= maxPages) {
                return tooManyPages(maxPages);
            }
            return followTokens(fetch, next, acc, seen, page + 1, maxPages);
        });
    }

    private static <T> Uni<T> tooManyPages(int maxPages) {
        return Uni.createFrom().failure(new UpstreamException(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                "the listing has more than " + maxPages + " pages (gateway.fetch.max-pages)")));
    }
}
