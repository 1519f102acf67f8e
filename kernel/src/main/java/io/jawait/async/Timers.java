package io.jawait.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock behind {@code sleep}, {@code waitFor} and {@code withTimeout}: one daemon thread firing
 * futures, as asyncio's loop fires its timer heap.
 *
 * <p>Measured (DESIGN.md §4): 100,000 one-second sleeps finish in 1.1–1.2 s as timer futures against
 * 1.8–2.2 s as plain virtual-thread sleeps. Timers with the same deadline fire in the order they were set,
 * which keeps LOOP mode's order deterministic; the futures complete on the timer thread itself so no pool
 * reorders them.
 */
final class Timers {
    private static final ScheduledThreadPoolExecutor CLOCK = clock();

    private Timers() {
    }

    private static ScheduledThreadPoolExecutor clock() {
        var ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jawait-timers");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }

    /** A future that completes {@code seconds} from now. */
    static Timer after(double seconds) {
        Timer t = new Timer();
        t.scheduled = CLOCK.schedule(t::fire, nanos(seconds), TimeUnit.NANOSECONDS);
        return t;
    }

    static long nanos(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite number >= 0, not " + seconds);
        }
        return (long) (seconds * 1e9);
    }

    /** A timer's future; {@link #disarm()} drops it from the clock when nobody waits any more. */
    static final class Timer extends CompletableFuture<Void> {
        private volatile ScheduledFuture<?> scheduled;

        private void fire() {
            complete(null);
        }

        void disarm() {
            ScheduledFuture<?> s = scheduled;
            if (s != null && !isDone()) {
                s.cancel(false);
            }
        }
    }
}
