package io.jawait.async;

import java.time.Duration;

/**
 * Counters of the last finished {@link Async#run run}, for checking claims such as "only one task runs at a
 * time".
 *
 * {@snippet :
 * Async.run(Async.async(() -> Async.gather(Async.async(() -> Async.sleep(0.1)), Async.async(() -> Async.sleep(0.1)))), Mode.LOOP);
 * System.out.println(Async.lastRunStats().maxRunning()); // 1
 * }
 *
 * @param mode                the run's mode
 * @param wall                time from the start of the run to the end of its shutdown
 * @param tasks               tasks created, the main task included
 * @param maxRunning          most tasks seen running (not suspended in a helper) at the same moment
 * @param switches            times a task started or resumed running
 * @param peakPlatformThreads peak count of live platform threads in the JVM during the run
 */
public record RunStats(Mode mode, Duration wall, int tasks, int maxRunning, long switches, int peakPlatformThreads) {
    @Override
    public String toString() {
        return String.format("%s run: %.3f s, %d tasks, max running %d, %d switches, peak platform threads %d",
                mode, wall.toNanos() / 1e9, tasks, maxRunning, switches, peakPlatformThreads);
    }
}
