package io.jawait.timing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Runs a {@link TimedLoop} the way {@code %timeit} does: choose the loops per run, warm up, then measure.
 *
 * <p>With {@code loops == 0} the loops per run are auto-ranged through 1, 2, 5, 10, 20, 50, ... until one run
 * lasts at least {@link #AUTORANGE_TARGET_NANOS}, and again after warm-up from the last warm run, since the
 * JIT may have made each loop many times faster. Warm-up runs follow: {@code warmups} of them, or with
 * {@link #AUTO_WARMUP} as many as fill {@link #WARMUP_NANOS} and then for as long as each run is still
 * clearly faster than every run before it, the JIT compiled noticeably during it, or C2 has not yet compiled
 * the loop itself (at most {@link #MAX_WARMUP_NANOS}): on a busy machine C2 can still be compiling the loop
 * after a second, a loop whose statement takes microseconds reaches C2's threshold only after tens of thousands
 * of iterations, and runs measured meanwhile would mix slow and fast code. The JIT also works through what
 * compiling the cell made hot (javac runs in the kernel's JVM): measured on 2 cores, the first {@code %timeit} of a statement after
 * another one saw 408 ms of compilation during its measured runs, its slowest run 1.84 times its fastest. Auto-ranging
 * and warm-up runs are never part of the result; only the {@code runs} measured runs are. No GC is forced:
 * a full GC shrinks the heap (measured under G1: 384 MB to 80 MB), so allocating statements would then collect
 * more often than under JMH, which does not force one either. The thread's interrupt flag is checked between runs.
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

    /** Auto-ranging never goes beyond this many loops per run. */
    static final long MAX_LOOPS = 10_000_000_000L;

    /** Warm up by time rather than by a number of runs. */
    public static final int AUTO_WARMUP = -1;

    /** How long automatic warm-up lasts: C2 compiles within it even with other processes on the cores. */
    public static final long WARMUP_NANOS = 1_000_000_000L;

    /** Automatic warm-up stops here even if runs are still getting faster. */
    public static final long MAX_WARMUP_NANOS = 5_000_000_000L;

    /** A warm-up run this much faster than all before it means the JIT changed the code: warm up on. */
    static final double STILL_IMPROVING = 0.05;

    /**
     * JIT compilation during a warm-up run beyond this share of the run's time (plus the 1 ms the counter
     * rounds to) means the compiler threads still compete with the loop for the cores: warm up on.
     */
    static final double COMPILING = 0.02;

    /** How much run time passes between two questions whether C2 has compiled the loop (each costs ~10 ms). */
    static final long PROBE_EVERY_NANOS = 100_000_000L;

    private static final LongSupplier JIT_MILLIS = TimeitRunner::compilationMillis;

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
        return run(loop, null, compileNanos);
    }

    /**
     * Measures {@code copy}, a twin of {@code checked} built to be measured (in the kernel: without JShell's
     * stop checks in the statement's own loops), once {@code checked} has run the statement once: a statement
     * that never ends is then caught where an interrupt can stop it. With {@code -n} and no warm-up nothing
     * unrecorded may run first, so {@code checked} is measured instead.
     *
     * @param copy the twin to measure, or null to measure {@code checked}
     * @param compileNanos how long compiling the loop took, recorded in the result
     * @throws Throwable what the timed statement throws, or {@link InterruptedException} when interrupted
     */
    public TimeitResult run(TimedLoop checked, TimedLoop copy, long compileNanos) throws Throwable {
        return run(checked, copy, compileNanos, JIT_MILLIS, OptimizedCode::optimized);
    }

    /**
     * As {@link #run(TimedLoop, TimedLoop, long)}, reading the JIT's total compilation time from {@code jit} and
     * whether C2 compiled a loop class from {@code optimized}.
     */
    TimeitResult run(TimedLoop checked, TimedLoop copy, long compileNanos, LongSupplier jit,
                     Predicate<Class<?>> optimized) throws Throwable {
        TimedLoop loop = copy == null || loops > 0 && warmups == 0 ? checked : afterOneCheckedCall(checked, copy);
        long n = loops > 0 ? loops : autorange(loop);
        long lastWarmUp = warmUp(loop, n, jit, optimized);
        if (loops == 0 && lastWarmUp > 0) {
            n = rerange(n, lastWarmUp);
        }
        long[] runNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            checkInterrupt();
            runNanos[i] = loop.timeLoops(n);
        }
        return new TimeitResult(runNanos, n, compileNanos, Environment.current());
    }

    private static TimedLoop afterOneCheckedCall(TimedLoop checked, TimedLoop copy) throws Throwable {
        checkInterrupt();
        checked.timeLoops(1);
        return copy;
    }

    /**
     * Runs {@code loop} unrecorded, {@code warmups} times or, automatically, until it stops speeding up, C2 has
     * compiled it (and it ran once more, so the call after an on-stack replacement gets its standard compilation
     * too) and the JIT has gone quiet.
     *
     * @param optimized whether C2 has compiled a loop class's {@code timeLoops}
     * @return the nanoseconds of the last warm-up run, 0 when there was none
     */
    long warmUp(TimedLoop loop, long n, LongSupplier jit, Predicate<Class<?>> optimized) throws Throwable {
        long spent = 0;
        long best = Long.MAX_VALUE;
        long nanos = 0;
        long probedAt = -PROBE_EVERY_NANOS;
        boolean compiled = warmups != AUTO_WARMUP;
        boolean unsettled = true;
        for (int i = 0; warmups == AUTO_WARMUP ? warming(spent, unsettled) : i < warmups; i++) {
            // the budget counts wall time, probes included, where it is more: with -n 10 of a 10 ns statement a
            // run's own time is 100 ns against microseconds of bookkeeping, and a budget of run time took 20 s
            long started = System.nanoTime();
            checkInterrupt();
            long jitBefore = jit.getAsLong();
            nanos = Math.max(1, loop.timeLoops(n));
            long jitMillis = jit.getAsLong() - jitBefore;
            boolean justCompiled = false;
            if (!compiled && spent - probedAt >= PROBE_EVERY_NANOS) {
                probedAt = spent;
                compiled = justCompiled = optimized.test(loop.getClass());
            }
            unsettled = !compiled || justCompiled || nanos < best * (1 - STILL_IMPROVING)
                    || jitMillis > 1 + nanos * COMPILING / 1e6;
            best = Math.min(best, nanos);
            spent += Math.max(nanos, System.nanoTime() - started);
        }
        return nanos;
    }

    /**
     * The loops per run for the measured runs, from a warm run of {@code n} loops that took {@code nanos}.
     * Auto-ranging ran cold code (interpreted, then C1), which can be ten times slower than the warm loop;
     * without this a run would last a tenth of the 0.2 s target and one preemption would weigh ten times more.
     * Stays on IPython's 1, 2, 5 grid and never goes below {@code n}.
     */
    static long rerange(long n, long nanos) {
        double wanted = (double) n * AUTORANGE_TARGET_NANOS / nanos;
        for (long base = 1; ; base *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long candidate = base * factor;
                if (candidate >= n && candidate >= wanted || candidate >= MAX_LOOPS) {
                    return Math.max(n, Math.min(candidate, MAX_LOOPS));
                }
            }
        }
    }

    private static boolean warming(long spent, boolean unsettled) {
        return spent < WARMUP_NANOS || unsettled && spent < MAX_WARMUP_NANOS;
    }

    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    static long autorange(TimedLoop loop) throws Throwable {
        for (long base = 1; ; base *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long n = base * factor;
                checkInterrupt();
                if (loop.timeLoops(n) >= AUTORANGE_TARGET_NANOS || n >= MAX_LOOPS) {
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
