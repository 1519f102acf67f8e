package io.jawait.async;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Small measuring tools for notebooks: time a block, check a value against its tolerance, log with a clock,
 * burn CPU, and compare the two modes; meant for {@code import static io.jawait.async.Lab.*}.
 *
 * {@snippet :
 * double s = timed("three gathered sleeps", () -> run(async(() -> gather(
 *         async(() -> sleep(1)), async(() -> sleep(1)), async(() -> sleep(1))))));
 * expectTime("gathered", s, 0.98, 1.15);     // [check] gathered: 1.003 s in [0.98, 1.15] OK
 * }
 *
 * <p><b>Checks.</b> A value outside its range prints {@code WARN}; when the environment has
 * {@code JAWAIT_STRICT=1} (or the system property {@code jawait.strict} is {@code true}) it throws an
 * {@link AssertionError} instead, so a notebook run in strict mode fails on a wrong measurement.
 *
 * <p><b>Loaded machines.</b> A time's range is what a quiet machine gives. A busy machine makes every wait
 * longer, never shorter, so {@link #expectTime} lets strict mode pass a time up to {@link #loadedLimit} above
 * the range (printing {@code WARN}) and fails only beyond it, or below the range. That keeps every claim the
 * notebooks make (1 s gathered is not 3 s sequential; a held loop shows a gap of seconds, a free one does not)
 * while a CI machine sharing its cores cannot turn a 3.3 s run of three 1 s sleeps into a failure.
 *
 * <p><b>Threads.</b> Every method may be called from any thread and from inside or outside a run.
 */
public final class Lab {
    private static final long CLOCK_ZERO = System.nanoTime();

    private Lab() {
    }

    /**
     * Runs {@code body}, prints {@code [time] label: 1.003 s} and returns the seconds it took.
     *
     * @throws Exception whatever {@code body} throws, after printing nothing
     */
    public static double timed(String label, AsyncRunnable body) throws Exception {
        long t0 = System.nanoTime();
        body.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "[time] %s: %.3f s%n", label, seconds);
        return seconds;
    }

    /** Like {@link #timed} for a body with a value: prints the time and returns the value. */
    public static <T> T timedValue(String label, AsyncCallable<T> body) throws Exception {
        long t0 = System.nanoTime();
        T value = body.call();
        System.out.printf(Locale.ROOT, "[time] %s: %.3f s%n", label, (System.nanoTime() - t0) / 1e9);
        return value;
    }

    /**
     * Prints {@code [check] label: 1.003 s in [0.98, 1.15] OK}, or {@code WARN} when outside.
     *
     * @throws AssertionError in strict mode, when {@code seconds} is outside {@code [lo, hi]}
     */
    public static void expectTime(String label, double seconds, double lo, double hi) {
        boolean ok = seconds >= lo && seconds <= hi;
        String line = checkLine(label, seconds, " s", lo, hi, ok);
        if (!ok && seconds > hi && seconds <= loadedLimit(hi)) {
            System.out.println(line + String.format(Locale.ROOT, " (slow machine? strict mode allows up to %s s)",
                    number(loadedLimit(hi))));
            return;
        }
        verdict(ok, line);
    }

    /**
     * The most a time whose quiet-machine range ends at {@code hi} may take before strict mode fails:
     * {@code hi} plus half of it, and at least half a second more.
     */
    public static double loadedLimit(double hi) {
        return hi + Math.max(0.5, hi / 2);
    }

    /**
     * Prints {@code [check] label: 7 in [6, 7] OK}, or {@code WARN} when outside.
     *
     * @throws AssertionError in strict mode, when {@code value} is outside {@code [lo, hi]}
     */
    public static void expect(String label, double value, double lo, double hi) {
        boolean ok = value >= lo && value <= hi;
        verdict(ok, checkLine(label, value, "", lo, hi, ok));
    }

    /**
     * Prints {@code [check] label: OK} when {@code ok}, else {@code WARN}.
     *
     * @throws AssertionError in strict mode, when {@code ok} is false
     */
    public static void check(boolean ok, String label) {
        verdict(ok, "[check] " + label + ": " + (ok ? "OK" : "WARN"));
    }

    /**
     * Prints {@code [check] label: [a, b] equals [a, b] OK}, or {@code WARN} when the values differ.
     *
     * @throws AssertionError in strict mode, when they differ
     */
    public static void expectEqual(String label, Object actual, Object expected) {
        boolean ok = java.util.Objects.equals(actual, expected);
        verdict(ok, "[check] " + label + ": " + actual + (ok ? " equals " : " differs from ") + expected
                + (ok ? " OK" : " WARN"));
    }

    /**
     * Prints {@code [+2.003s] msg}: seconds since the start of the current run, or, outside every run, since
     * this class was first used.
     */
    public static void log(String msg) {
        Loop loop = Loop.current();
        long nanos = loop != null ? loop.now() : System.nanoTime() - CLOCK_ZERO;
        System.out.printf(Locale.ROOT, "[+%.3fs] %s%n", nanos / 1e9, msg);
    }

    /**
     * Keeps a CPU busy until {@code seconds} of wall-clock time have passed: the stand-in for CPU-bound work.
     * It never suspends, so in {@link Mode#LOOP} it holds the loop, as a CPU loop holds asyncio's.
     */
    public static void spin(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x + 1);
        }
        Blackhole.sink = x;
    }

    /** The n-th Fibonacci number by the naive recursion: deliberately slow CPU work. */
    public static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** CPU seconds used so far by every thread of this process. */
    public static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /** Processors the JVM may use: the most CPU-bound threads that can truly run at once. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * How many times faster {@link #cores()} platform threads finish a fixed CPU workload than one thread does:
     * the parallel speed-up this machine offers right now (about 1.9 on two idle cores, less when shared).
     * Takes about half a second.
     *
     * @throws InterruptedException if interrupted while the threads run
     */
    public static double parallelCapacity() throws InterruptedException {
        return Capacity.of(cores());
    }

    /**
     * Runs the coroutine that {@code make} builds once in {@link Mode#LOOP} and once in {@link Mode#VIRTUAL}, prints
     * a row for each (wall time, most tasks running at once) and returns both.
     *
     * @throws Exception whatever the coroutine throws, in either mode
     */
    public static Comparison compare(String label, Supplier<Coro<?>> make) throws Exception {
        System.out.println("compare: " + label);
        RunStats loop = measure(make, Mode.LOOP);
        RunStats virtual = measure(make, Mode.VIRTUAL);
        return new Comparison(loop, virtual);
    }

    /**
     * Starts a task that wakes every {@code period} seconds and records the gaps between wake-ups: a probe
     * that shows when the loop is blocked. Call inside a run; {@link Heartbeat#stop()} ends it.
     *
     * @throws IllegalStateException outside a run
     */
    public static Heartbeat heartbeat(double period) {
        return Heartbeat.start(period);
    }

    private static RunStats measure(Supplier<Coro<?>> make, Mode mode) throws Exception {
        Async.run(make.get(), mode);
        RunStats stats = Async.lastRunStats();
        System.out.printf(Locale.ROOT, "  %-8s %.3f s   max running %d, tasks %d%n",
                mode, stats.wall().toNanos() / 1e9, stats.maxRunning(), stats.tasks());
        return stats;
    }

    private static String checkLine(String label, double value, String unit, double lo, double hi, boolean ok) {
        return String.format(Locale.ROOT, "[check] %s: %s%s in [%s, %s] %s",
                label, number(value), unit, number(lo), number(hi), ok ? "OK" : "WARN");
    }

    private static void verdict(boolean ok, String line) {
        System.out.println(line);
        if (!ok && strict()) {
            throw new AssertionError(line + " (JAWAIT_STRICT=1)");
        }
    }

    static boolean strict() {
        return "1".equals(System.getenv("JAWAIT_STRICT")) || Boolean.getBoolean("jawait.strict");
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    /** Where spin's work goes, so the JIT cannot remove the loop. */
    static final class Blackhole {
        static volatile long sink;
    }

    /** The two runs of {@link #compare}: {@code loop} and {@code virtual}. */
    public record Comparison(RunStats loop, RunStats virtual) {
        /** LOOP wall time over VIRTUAL wall time. */
        public double ratio() {
            return loop.wall().toNanos() / (double) virtual.wall().toNanos();
        }
    }
}
