package io.jawait.async;

import java.util.Locale;

/**
 * A task that wakes at a fixed period and remembers the longest gap between wake-ups: the probe that shows
 * whether a loop is free to run other tasks.
 *
 * {@snippet :
 * run(async(() -> {
 *     Heartbeat hb = Lab.heartbeat(0.1);
 *     blockingSleep(0.6);                        // time.sleep: no task runs for 0.6 s in LOOP mode
 *     hb.stop();
 *     System.out.println(hb);                    // heartbeat: 2 beats, longest gap 0.602 s
 * }), Mode.LOOP);
 * }
 *
 * <p>Its task is cancelled by {@link #stop()}, or by the run's end. Counters are safe to read from any thread.
 */
public final class Heartbeat {
    private final double period;
    private volatile Task<Void> task;
    private volatile int beats;
    private volatile long maxGapNanos;
    // From creation, not from the task's first turn: in LOOP mode a task blocking the loop right after
    // heartbeat() would otherwise hide the very gap the probe exists to show.
    private volatile long last = System.nanoTime();

    private Heartbeat(double period) {
        this.period = period;
    }

    static Heartbeat start(double period) {
        if (!(period > 0)) {
            throw new IllegalArgumentException("heartbeat period must be positive, got " + period);
        }
        Heartbeat hb = new Heartbeat(period);
        hb.task = Async.createTask(Async.async("heartbeat", (AsyncRunnable) hb::beat));
        return hb;
    }

    private void beat() {
        while (true) {
            Async.sleep(period);
            mark(System.nanoTime());
            beats++;
        }
    }

    private synchronized void mark(long now) {
        maxGapNanos = Math.max(maxGapNanos, now - last);
        last = now;
    }

    /** Stops the heartbeat and returns it, for chaining. */
    public Heartbeat stop() {
        // The gap still open when the probe stops counts too: a loop blocked until the end never beats again.
        if (!task.done()) {
            mark(System.nanoTime());
        }
        task.cancel();
        return this;
    }

    /** Wake-ups so far. */
    public int count() {
        return beats;
    }

    /** The longest time between two wake-ups (or from the start to the first one), in seconds. */
    public double maxGap() {
        return maxGapNanos / 1e9;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "heartbeat: %d beats, longest gap %.3f s", beats, maxGap());
    }
}
