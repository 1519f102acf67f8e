package io.jawait.engine;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform threads of an interrupted cell, given a moment to reach a stop check before the next snippet
 * runs. JShell's stop raises one flag that every snippet's loops check, and lowers it again as the next snippet
 * starts; a busy thread the scheduler did not run in between (two cores, both taken) would never see it and spin
 * on for good. Only threads still runnable are waited for: an idle pool worker is not what the flag is for.
 */
final class StoppedThreads {
    private static final long GRACE_NANOS = 1_000_000_000L;
    private static final long POLL_NANOS = 1_000_000L;

    private StoppedThreads() {
    }

    /** Waits, at most a second, until no platform thread of {@code groups} is runnable. */
    static void settle(List<ThreadGroup> groups) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        while (anyRunnable(groups) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static boolean anyRunnable(List<ThreadGroup> groups) {
        for (ThreadGroup group : groups) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads, true);
            for (int i = 0; i < n; i++) {
                if (threads[i] != Thread.currentThread() && threads[i].getState() == Thread.State.RUNNABLE) {
                    return true;
                }
            }
        }
        return false;
    }
}
