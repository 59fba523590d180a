package io.snapshotgateway.support;

/** Waiting a fixed time in a test, where the time itself is what is tested (a lease expiring, a bucket refilling). */
public final class Pause {
    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
