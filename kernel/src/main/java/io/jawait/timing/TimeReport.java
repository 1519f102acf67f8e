package io.jawait.timing;

import java.lang.management.ManagementFactory;

/**
 * What {@code %time} prints: CPU times (user, system, total), wall time, compile time when noticeable, and
 * for the JVM garbage collection, JIT compilation, peak live threads and effective parallelism.
 *
 * <p>CPU time counts every thread of the process except the one that compiled the cell, so work the cell
 * hands to other threads is included and compilation is not. On Linux it is read to the microsecond, as
 * IPython reads it; elsewhere it is only as fine as the JDK's process CPU time (clock ticks).
 *
 * {@snippet :
 * ResourceSnapshot before = ResourceSnapshot.take();
 * TimeReport.resetPeakThreads();
 * long t0 = System.nanoTime();
 * Thread.sleep(10);
 * TimeReport r = TimeReport.between(before, ResourceSnapshot.takeEnd(), System.nanoTime() - t0, 0);
 * System.out.println(r); // CPU times: user ..., sys: ..., total: ...  then  Wall time: 10.1 ms ...
 * }
 *
 * @param wallNanos    execution time only
 * @param userNanos    user-mode CPU time of the cell
 * @param systemNanos  kernel-mode CPU time of the cell
 * @param compileNanos time spent compiling the cell
 * @param gcCount      collections during the cell
 * @param gcMillis     milliseconds in collections during the cell
 * @param jitMillis    milliseconds of JIT compilation during the cell
 * @param peakThreads  the most live threads at any moment of the cell
 */
public record TimeReport(long wallNanos, long userNanos, long systemNanos, long compileNanos, long gcCount,
                         long gcMillis, long jitMillis, int peakThreads) {

    /** Compile times above this are shown, as IPython does from 0.1 s. */
    public static final long COMPILE_SHOWN_FROM_NANOS = 100_000_000L;

    /** Starts a new peak of live threads; call it right before the timed code. */
    public static void resetPeakThreads() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    }

    /** The report for the work done between two snapshots, taken by the same thread. */
    public static TimeReport between(ResourceSnapshot before, ResourceSnapshot after, long wallNanos,
                                     long compileNanos) {
        long process = after.processCpuNanos() - before.processCpuNanos();
        long caller = after.callerCpuNanos() - before.callerCpuNanos();
        long cpu = Math.max(0, process - caller);
        long user = after.userNanos() - before.userNanos();
        long sys = after.systemNanos() - before.systemNanos();
        long systemNanos = user + sys > 0 ? cpu * sys / (user + sys) : 0;
        return new TimeReport(wallNanos, cpu - systemNanos, systemNanos, compileNanos,
                after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis(),
                after.jitMillis() - before.jitMillis(), ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }

    /** CPU time divided by wall time: about 1 for one busy thread, 0 for a sleep, up to the cores in use. */
    public double parallelism() {
        return wallNanos == 0 ? 0 : (double) (userNanos + systemNanos) / wallNanos;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder()
                .append("CPU times: user ").append(TimeFormat.nanos(userNanos))
                .append(", sys: ").append(TimeFormat.nanos(systemNanos))
                .append(", total: ").append(TimeFormat.nanos(userNanos + systemNanos)).append('\n')
                .append("Wall time: ").append(TimeFormat.nanos(wallNanos)).append('\n');
        if (compileNanos > COMPILE_SHOWN_FROM_NANOS) {
            s.append("Compiler : ").append(TimeFormat.nanos(compileNanos)).append('\n');
        }
        s.append("JVM: GC ").append(gcCount).append(gcCount == 1 ? " collection, " : " collections, ")
                .append(TimeFormat.nanos(gcMillis * 1_000_000)).append("; JIT ")
                .append(TimeFormat.nanos(jitMillis * 1_000_000)).append("; peak threads ").append(peakThreads)
                .append("; parallelism ").append(String.format(java.util.Locale.ROOT, "%.2f", parallelism()));
        return s.toString();
    }
}
