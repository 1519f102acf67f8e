package io.jawait.engine;

import java.util.ArrayList;
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

    /**
     * Waits, at most a second, until no platform thread of {@code groups} is runnable.
     *
     * @return the threads still runnable when the second was up: busy in code without stop checks (a library's
     *     own loop), they go on running once the next snippet lowers the flag
     */
    static List<Thread> settle(List<ThreadGroup> groups) {
        long deadline = System.nanoTime() + GRACE_NANOS;
        List<Thread> busy = runnable(groups);
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            busy = runnable(groups);
        }
        return busy;
    }

    /**
     * The line the next cell prints on stderr about {@code threads}, which an interrupt could not stop.
     */
    static String warning(List<Thread> threads) {
        List<String> names = threads.stream().map(t -> '"' + t.getName() + '"').toList();
        return "jawait: " + (names.size() == 1 ? "a thread" : names.size() + " threads") + " that the interrupted "
                + "cell started (" + String.join(", ", names) + ") did not stop within a second: still busy, or "
                + "blocked in I/O, inside library code that interrupt cannot reach. It goes on running; if it "
                + "should not, restart the kernel.";
    }

    private static List<Thread> runnable(List<ThreadGroup> groups) {
        List<Thread> out = new ArrayList<>();
        for (ThreadGroup group : groups) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads, true);
            for (int i = 0; i < n; i++) {
                if (threads[i] != Thread.currentThread() && threads[i].getState() == Thread.State.RUNNABLE
                        && !out.contains(threads[i])) {
                    out.add(threads[i]);
                }
            }
        }
        return out;
    }
}
