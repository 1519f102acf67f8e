package io.jawait.protocol;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Collects the heap once the kernel has been idle for a second after requests that grew it, so an idle kernel
 * hands memory back: the Serial collector shrinks the heap after a full collection (MaxHeapFreeRatio in
 * kernel-jvm.flags) and the periodic native trim returns what it freed. Measured after 250 cells and 3.5 s
 * idle: RSS 150 MB without, 138 MB with one full collection. A request that arrives first cancels it; one
 * that arrives during it waits for that collection only (tens of milliseconds on a heap this size).
 *
 * <p>Cells that come back to back, as nbclient and "Run All" send them, never leave the kernel idle, and Serial
 * runs a full collection only when the old generation cannot grow any more (a quarter of RAM). Meanwhile each
 * young collection promotes part of javac's work in progress, which the young generation's 1.2 MB survivor
 * space cannot hold, and the young generation keeps its start-up size until a full collection resizes it. So
 * once the heap has grown by {@link #pressure} since the last collection, the collection runs right after the
 * request, idle or not. 950 back-to-back cells, 800 of them declarations: without it the heap reached 942 MB (RSS
 * 1,048 MB, 883 young collections); with it 112 MB (RSS 217 MB, 502 young collections), after 4 full ones that
 * left 29-54 MB and paused 60-74 ms each.
 *
 * <p>Thread safe: the shell and control threads report requests, the timer thread collects.
 */
final class IdleCollector {
    /** Runs {@code task} after {@code delay} unless the returned future is cancelled first. */
    @FunctionalInterface
    interface Timer {
        Future<?> after(Duration delay, Runnable task);
    }

    static final Duration IDLE = Duration.ofSeconds(1);
    /** Growth of the used heap since the last collection that makes one worth its cost. */
    static final long GROWTH_BYTES = 8L << 20;
    /** The least growth since the last collection that has it run without waiting for idle. */
    static final long PRESSURE_BYTES = 64L << 20;

    private final Timer timer;
    private final LongSupplier heapUsed;
    private final Runnable collect;
    private long generation;
    private long usedAfterCollection;
    private Future<?> pending;
    /** Whether {@link #pending} is a collection under pressure, which a new request does not cancel. */
    private boolean pressing;
    private boolean collecting;

    IdleCollector(Timer timer, LongSupplier heapUsed, Runnable collect) {
        this.timer = timer;
        this.heapUsed = heapUsed;
        this.collect = collect;
        this.usedAfterCollection = heapUsed.getAsLong();
    }

    /** A collector for this JVM, on {@code timer}. */
    static IdleCollector of(ScheduledExecutorService timer) {
        Runtime rt = Runtime.getRuntime();
        return new IdleCollector((delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                () -> rt.totalMemory() - rt.freeMemory(), System::gc);
    }

    synchronized void requestStarted() {
        generation++;
        if (pending != null && !pressing) {
            pending.cancel(false);
            pending = null;
        }
    }

    synchronized void requestEnded() {
        if (pending != null || collecting) {
            return;
        }
        long growth = heapUsed.getAsLong() - usedAfterCollection;
        if (growth >= pressure()) {
            schedule(Duration.ZERO, true, this::collectNow);
        } else if (growth >= GROWTH_BYTES) {
            long seen = generation;
            schedule(IDLE, false, () -> collectIfStillIdle(seen));
        }
    }

    /**
     * The growth since the last collection past which it runs at once: {@link #PRESSURE_BYTES}, or as much as
     * the collection left, so that a large live set is not collected over and over for little.
     */
    private long pressure() {
        return Math.max(PRESSURE_BYTES, usedAfterCollection);
    }

    private void schedule(Duration delay, boolean underPressure, Runnable task) {
        try {
            pending = timer.after(delay, task);
            pressing = underPressure;
        } catch (RejectedExecutionException shuttingDown) {
            // the kernel is exiting: nothing to hand back
        }
    }

    private void collectIfStillIdle(long seen) {
        synchronized (this) {
            if (generation != seen) {
                return;
            }
        }
        collectNow();
    }

    private void collectNow() {
        synchronized (this) {
            pending = null;
            pressing = false;
            collecting = true;
        }
        try {
            collect.run();
        } finally {
            synchronized (this) {
                collecting = false;
                usedAfterCollection = heapUsed.getAsLong();
            }
        }
    }
}
