package io.jawait.timing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Runs a {@link TimedLoop} the way {@code %timeit} does: choose the loops per run, warm up, then measure.
 *
 * <p>With {@code loops == 0} the loops per run are auto-ranged through 1, 2, 5, 10, 20, 50, ... until one run
 * lasts at least {@link #AUTORANGE_TARGET_NANOS}. Warm-up runs follow: {@code warmups} of them, or with
 * {@link #AUTO_WARMUP} as many as fill {@link #WARMUP_NANOS} and then until one whole run passes without the
 * JIT compiling anything (at most {@link #MAX_WARMUP_NANOS}): on a busy machine C2 can still be compiling
 * the loop after a second, and a run measured meanwhile mixes slow and fast code. A full GC then clears the
 * garbage of earlier cells, as a fresh JMH fork starts with an empty heap. Auto-ranging and warm-up runs are
 * never part of the result; only the {@code runs} measured runs are. The thread's interrupt flag is checked
 * between runs.
 *
 * {@snippet :
 * TimedLoop loop = loops -> {
 *     long t0 = System.nanoTime();
 *     for (long i = 0; i < loops; i++) { Math.sqrt(i); }
 *     return System.nanoTime() - t0;
 * };
 * TimeitResult r = new TimeitRunner(0, 7, 1).run(loop, 0);
 * System.out.println(r); // e.g. "1.02 ns ± 0.01 ns per loop (mean ± std. dev. of 7 runs, 100,000,000 loops each)"
 * }
 *
 * @param loops   loops per run, or 0 to auto-range
 * @param runs    measured runs, at least 1
 * @param warmups runs before the measured ones, not recorded, or {@link #AUTO_WARMUP}
 */
public record TimeitRunner(long loops, int runs, int warmups) {

    /** Auto-ranging stops at the first loop count whose run lasts this long (IPython: 0.2 s). */
    public static final long AUTORANGE_TARGET_NANOS = 200_000_000L;

    /** Warm up by time rather than by a number of runs. */
    public static final int AUTO_WARMUP = -1;

    /** How long automatic warm-up lasts: C2 compiles within it even with other processes on the cores. */
    public static final long WARMUP_NANOS = 1_000_000_000L;

    /** Automatic warm-up stops here even if the JIT is still busy (other cells' threads may keep it so). */
    public static final long MAX_WARMUP_NANOS = 5_000_000_000L;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException if loops is negative, runs below 1 or warmups below {@link #AUTO_WARMUP}
     */
    public TimeitRunner {
        if (loops < 0 || runs < 1 || warmups < AUTO_WARMUP) {
            throw new IllegalArgumentException("need loops >= 0 (0: automatic), runs >= 1 and warmups >= 0; got "
                    + loops + ", " + runs + ", " + warmups);
        }
    }

    /**
     * Measures {@code loop}.
     *
     * @param compileNanos how long compiling the loop took, recorded in the result
     * @throws Throwable what the timed statement throws, or {@link InterruptedException} when interrupted
     */
    public TimeitResult run(TimedLoop loop, long compileNanos) throws Throwable {
        long n = loops > 0 ? loops : autorange(loop);
        warmUp(loop, n, TimeitRunner::jitMillis);
        System.gc();
        long[] runNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            checkInterrupt();
            runNanos[i] = loop.timeLoops(n);
        }
        return new TimeitResult(runNanos, n, compileNanos, Environment.current());
    }

    /** Runs {@code loop} unrecorded; {@code jitMillis} tells whether the JIT compiled during a run. */
    void warmUp(TimedLoop loop, long n, LongSupplier jitMillis) throws Throwable {
        long spent = 0;
        boolean jitBusy = true;
        for (int i = 0; warmups == AUTO_WARMUP ? warming(spent, jitBusy) : i < warmups; i++) {
            checkInterrupt();
            long before = jitMillis.getAsLong();
            spent += Math.max(1, loop.timeLoops(n));
            jitBusy = jitMillis.getAsLong() != before;
        }
    }

    private static boolean warming(long spent, boolean jitBusy) {
        return spent < WARMUP_NANOS || jitBusy && spent < MAX_WARMUP_NANOS;
    }

    /** Total JIT compile time so far; constant (so never busy) when the JVM does not report it. */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    static long autorange(TimedLoop loop) throws Throwable {
        for (long base = 1; ; base *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long n = base * factor;
                checkInterrupt();
                if (loop.timeLoops(n) >= AUTORANGE_TARGET_NANOS || n >= 10_000_000_000L) {
                    return n;
                }
            }
        }
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("timing interrupted");
        }
    }
}
