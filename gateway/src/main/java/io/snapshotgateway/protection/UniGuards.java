package io.snapshotgateway.protection;

import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/** Runs a {@code Uni}-returning call through a Fault Tolerance {@link Guard}, whatever the Uni's item type. */
final class UniGuards {
    /** Tells the guard the call is asynchronous (a Uni): it then waits without a thread. */
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private UniGuards() {
    }

    @SuppressWarnings("unchecked")
    static <T> Uni<T> get(Guard guard, Supplier<Uni<T>> call) {
        return (Uni<T>) (Uni<?>) guard.get(() -> (Uni<Object>) (Uni<?>) call.get(), UNI);
    }
}
