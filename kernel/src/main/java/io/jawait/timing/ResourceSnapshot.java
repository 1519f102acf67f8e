package io.jawait.timing;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM has used so far: process CPU time (all threads, also those that have ended), the calling thread's
 * CPU time, garbage collections, JIT compilation time; {@link TimeReport#between} turns two of them into a report.
 *
 * {@snippet :
 * ResourceSnapshot before = ResourceSnapshot.take();
 * long t0 = System.nanoTime();
 * Math.sqrt(2);
 * TimeReport r = TimeReport.between(before, ResourceSnapshot.takeEnd(), System.nanoTime() - t0, 0);
 * }
 *
 * @param processCpuNanos CPU time of every thread of the process (to the microsecond on Linux, see
 *                        {@code ProcessCpu}; in the JDK's clock ticks elsewhere)
 * @param callerCpuNanos  CPU time of the thread taking the snapshot
 * @param userNanos       user-mode CPU time of the process (0 where neither getrusage nor /proc tells it)
 * @param systemNanos     kernel-mode CPU time of the process (0 where neither getrusage nor /proc tells it)
 * @param gcCount         collections so far, all collectors
 * @param gcMillis        time spent in collections so far
 * @param jitMillis       JIT compilation time so far (0 when the JVM does not report it)
 */
public record ResourceSnapshot(long processCpuNanos, long callerCpuNanos, long userNanos, long systemNanos,
                               long gcCount, long gcMillis, long jitMillis) {

    /** USER_HZ, the unit of /proc's CPU times, is 100 on every Linux architecture. */
    private static final long TICK_NANOS = 10_000_000L;

    /** Nothing used yet: the start of a sum of {@link #plus} of differences. */
    public static final ResourceSnapshot ZERO = new ResourceSnapshot(0, 0, 0, 0, 0, 0, 0);

    /**
     * This sum plus what was used from {@code from} to {@code to}, both taken by the thread doing the work, whose
     * own CPU time therefore stays in the sum (the caller's CPU of the result is left at this one's).
     */
    public ResourceSnapshot plus(ResourceSnapshot from, ResourceSnapshot to) {
        return new ResourceSnapshot(processCpuNanos + to.processCpuNanos - from.processCpuNanos, callerCpuNanos,
                userNanos + to.userNanos - from.userNanos, systemNanos + to.systemNanos - from.systemNanos,
                gcCount + to.gcCount - from.gcCount, gcMillis + to.gcMillis - from.gcMillis,
                jitMillis + to.jitMillis - from.jitMillis);
    }

    /**
     * Takes a snapshot now, to start a measurement: the CPU clocks are read last, so that taking the snapshot
     * is not counted in the CPU it measures (about 0.4 ms per snapshot before the JIT compiles it).
     */
    public static ResourceSnapshot take() {
        long[] jvm = jvmCounters();
        long caller = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] process = processClocks();
        return new ResourceSnapshot(process[0], caller, process[1], process[2], jvm[0], jvm[1], jvm[2]);
    }

    /** Takes a snapshot now, to end a measurement: the CPU clocks are read first, for the same reason. */
    public static ResourceSnapshot takeEnd() {
        long[] process = processClocks();
        long caller = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] jvm = jvmCounters();
        return new ResourceSnapshot(process[0], caller, process[1], process[2], jvm[0], jvm[1], jvm[2]);
    }

    /** Collections, their time and JIT compilation time so far. */
    private static long[] jvmCounters() {
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new long[] {gcCount, gcMillis, jitMillis};
    }

    /** Process CPU, then its user and system parts. */
    private static long[] processClocks() {
        long[] split = ProcessCpu.read().orElse(null);
        if (split != null) {
            return new long[] {split[0] + split[1], split[0], split[1]};
        }
        long process = processCpu();
        long[] ticks = procTicks();
        return new long[] {process, ticks[0], ticks[1]};
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    // The fallback when getrusage cannot be called: Linux's user/system split in clock ticks of 1/100 s.
    private static long[] procTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]) * TICK_NANOS, Long.parseLong(fields[12]) * TICK_NANOS};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
