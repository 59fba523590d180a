package io.snapshotgateway.provider;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Makes the vendor calls of one listing within its source's limits (call budget, concurrency bound, retries). The
 * protection package provides it; adapters ask only for this, so that protection, which reads scopes and failures
 * from here, stays the one side of the dependency.
 */
public interface CallGuard {

    /** The calls of one listing of {@code scope}: they share the listing's deadline, which starts now. */
    Listing listing(Scope scope);

    /** The guarded vendor calls of one listing. */
    interface Listing {
        /** One vendor call ({@code call} makes it when subscribed), guarded. */
        <T> Uni<T> call(Supplier<Uni<T>> call);
    }
}
