package io.jawait.demo;

/**
 * Java functions that AsyncDb registers as SQL aliases in H2, so the notebooks' SQL also runs on PostgreSQL.
 *
 * <p>Public only because H2 calls them by reflection.
 */
public final class H2Functions {

    private H2Functions() {
    }

    /**
     * PostgreSQL's {@code pg_sleep(seconds)}: holds the query, and its connection, for that long.
     *
     * @throws InterruptedException if the query's thread is interrupted, which H2 reports as a failed query
     */
    public static void pgSleep(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep(java.time.Duration.ofNanos((long) (seconds * 1e9)));
        }
    }
}
