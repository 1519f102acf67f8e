package io.jawait.async;

import java.time.Duration;

/**
 * What the last finished run left behind for {@link Async#timeline()} and {@link Async#lastRunStats()}: its
 * timeline and a few counters. Only this record is kept, never the run itself, which would hold every task and
 * its thread. The {@link RunStats} are worked out from the timeline when first asked for: counting the tasks
 * that ran at once needs no shared counter bumped on every switch (two carriers fighting over one cache line,
 * and a branch C2 traps on in every parked frame).
 */
final class LastRun {
    private static volatile Finished last;
    private static Finished statsMadeFor;
    private static RunStats stats;

    private LastRun() {
    }

    private record Finished(Mode mode, Duration wall, int tasks, long switches, int peakPlatformThreads,
            Timeline timeline) {
    }

    /** Records a run that has just finished, replacing the one before. */
    static void finished(Timeline timeline, Mode mode, long wallNanos, int tasks, long switches,
            int peakPlatformThreads) {
        last = new Finished(mode, Duration.ofNanos(wallNanos), tasks, switches, peakPlatformThreads, timeline);
    }

    /** The last finished run's timeline, or null if none has finished. */
    static Timeline timeline() {
        Finished f = last;
        return f == null ? null : f.timeline();
    }

    /** The counters of the last finished run, or null if none has finished. */
    static synchronized RunStats stats() {
        Finished f = last;
        if (f != null && f != statsMadeFor) {
            stats = new RunStats(f.mode(), f.wall(), f.tasks(), Concurrency.maxRunning(f.timeline()), f.switches(),
                    f.peakPlatformThreads());
            statsMadeFor = f;
        }
        return f == null ? null : stats;
    }
}
