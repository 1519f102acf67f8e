package io.jawait.timing;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM has used so far: process CPU time (all threads), the calling thread's CPU time, garbage
 * collections, JIT compilation time; {@link TimeReport#between} turns two of them into a report.
 *
 * {@snippet :
 * ResourceSnapshot before = ResourceSnapshot.take();
 * long t0 = System.nanoTime();
 * Math.sqrt(2);
 * TimeReport r = TimeReport.between(before, ResourceSnapshot.take(), System.nanoTime() - t0, 0);
 * }
 *
 * @param processCpuNanos CPU time of every thread of the process
 * @param callerCpuNanos  CPU time of the thread taking the snapshot
 * @param userTicks       user-mode clock ticks of the process from {@code /proc/self/stat} (0 elsewhere)
 * @param systemTicks     kernel-mode clock ticks of the process from {@code /proc/self/stat} (0 elsewhere)
 * @param gcCount         collections so far, all collectors
 * @param gcMillis        time spent in collections so far
 * @param jitMillis       JIT compilation time so far (0 when the JVM does not report it)
 */
public record ResourceSnapshot(long processCpuNanos, long callerCpuNanos, long userTicks, long systemTicks,
                               long gcCount, long gcMillis, long jitMillis) {

    /** Nothing used yet: the start of a sum of {@link #plus} of differences. */
    public static final ResourceSnapshot ZERO = new ResourceSnapshot(0, 0, 0, 0, 0, 0, 0);

    /**
     * This sum plus what was used from {@code from} to {@code to}, both taken by the thread doing the work, whose
     * own CPU time therefore stays in the sum (the caller's CPU of the result is left at this one's).
     */
    public ResourceSnapshot plus(ResourceSnapshot from, ResourceSnapshot to) {
        return new ResourceSnapshot(processCpuNanos + to.processCpuNanos - from.processCpuNanos, callerCpuNanos,
                userTicks + to.userTicks - from.userTicks, systemTicks + to.systemTicks - from.systemTicks,
                gcCount + to.gcCount - from.gcCount, gcMillis + to.gcMillis - from.gcMillis,
                jitMillis + to.jitMillis - from.jitMillis);
    }

    /** Takes a snapshot now. */
    public static ResourceSnapshot take() {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ticks = procTicks();
        return new ResourceSnapshot(processCpu(), threads.getCurrentThreadCpuTime(), ticks[0], ticks[1],
                gcCount, gcMillis, jitMillis);
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    // The JDK has no user/system split for the whole process; Linux offers it in clock ticks.
    private static long[] procTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
