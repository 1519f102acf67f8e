package io.jawait.timing;

import io.jawait.display.MimeBundle;
import io.jawait.display.Rich;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of {@code %timeit -o}: every measured run, its statistics, the loops per run, the compile time
 * and the environment it was measured in; it prints as IPython's line and draws as an SVG of the runs.
 *
 * <p>Times are per loop, in seconds, as in IPython's {@code TimeitResult}: {@link #timings()} is each run's
 * total divided by {@link #loops()}. The standard deviation is the spread of the runs, not an error bar on
 * the mean: the numbers are just data, and a different JVM, load or JIT decision gives different ones.
 *
 * {@snippet :
 * TimeitResult r = new TimeitResult(new long[] {1_000_000, 1_100_000}, 1000, 0, Environment.current());
 * System.out.println(r);      // 1.05 µs ± 50 ns per loop (mean ± std. dev. of 2 runs, 1,000 loops each)
 * System.out.println(r.compare(r)); // same speed
 * }
 *
 * @param runNanos     total nanoseconds of each measured run
 * @param loops        loops per run
 * @param compileNanos time spent compiling the timing loop
 * @param environment  where it was measured
 */
public record TimeitResult(long[] runNanos, long loops, long compileNanos, Environment environment) implements Rich {

    /**
     * Checks and copies the runs.
     *
     * @throws IllegalArgumentException if there are no runs or loops is below 1
     */
    public TimeitResult {
        if (runNanos.length == 0 || loops < 1) {
            throw new IllegalArgumentException("a timeit result needs at least one run and one loop");
        }
        runNanos = runNanos.clone();
    }

    @Override
    public long[] runNanos() { return runNanos.clone(); }

    /** The number of measured runs. */
    public int runs() { return runNanos.length; }

    /** Seconds per loop of each run. */
    public double[] timings() { return Arrays.stream(runNanos).mapToDouble(t -> t / 1e9 / loops).toArray(); }

    public Statistics statistics() { return Statistics.of(timings()); }

    /** Mean seconds per loop. */
    public double mean() { return statistics().mean(); }

    /** Population standard deviation of the seconds per loop. */
    public double stdev() { return statistics().stdev(); }

    /** Seconds per loop of the fastest run. */
    public double best() { return statistics().best(); }

    /** Seconds per loop of the slowest run. */
    public double worst() { return statistics().worst(); }

    /** {@link #mean()} under IPython's name, so that {@code r.average} carries over as {@code r.average()}. */
    public double average() { return mean(); }

    /** {@link #runs()} under IPython's name: how many times the loop was repeated. */
    public int repeat() { return runs(); }

    /** Total seconds of each run, all its loops together, as IPython's {@code all_runs}. */
    public double[] allRuns() { return Arrays.stream(runNanos).mapToDouble(t -> t / 1e9).toArray(); }

    /** Seconds spent compiling the timing loop, as IPython's {@code compile_time}. */
    public double compileTime() { return compileNanos / 1e9; }

    /** IPython's line, with {@code precision} significant digits. */
    public String format(int precision) {
        Statistics s = statistics();
        return TimeFormat.seconds(s.mean(), precision) + " \u00b1 " + TimeFormat.seconds(s.stdev(), precision)
                + " per loop (mean \u00b1 std. dev. of " + runs() + " run" + (runs() == 1 ? "" : "s") + ", "
                + String.format(Locale.ROOT, "%,d", loops) + " loop" + (loops == 1 ? "" : "s") + " each)";
    }

    @Override
    public String toString() { return format(3); }

    /**
     * IPython's warning when the slowest run took more than 4 times the fastest and over a microsecond per
     * loop: a sign of caching, warm-up or interference.
     */
    public Optional<String> slowRunWarning() {
        Statistics s = statistics();
        if (s.worst() > 4 * s.best() && s.best() > 0 && s.worst() > 1e-6) {
            return Optional.of(String.format(Locale.ROOT, "The slowest run took %.2f times longer than the fastest. "
                    + "This could mean that an intermediate result is being cached.", s.worst() / s.best()));
        }
        return Optional.empty();
    }

    /**
     * How this result's mean compares with {@code other}'s, e.g. {@code "2.51x faster than 30.1 ns ± 0.2 ns"}.
     *
     * @throws NullPointerException if {@code other} is null
     */
    public String compare(TimeitResult other) {
        double ratio = other.mean() / mean();
        String them = TimeFormat.seconds(other.mean(), 3) + " \u00b1 " + TimeFormat.seconds(other.stdev(), 3);
        String mine = TimeFormat.seconds(mean(), 3) + " \u00b1 " + TimeFormat.seconds(stdev(), 3);
        boolean overlap = Math.abs(mean() - other.mean()) <= stdev() + other.stdev();
        String verdict = ratio >= 1 ? String.format(Locale.ROOT, "%.2fx faster than", ratio)
                : String.format(Locale.ROOT, "%.2fx slower than", 1 / ratio);
        return mine + " is " + verdict + " " + them
                + (overlap ? " (the spreads overlap: the difference may be noise)" : "");
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/plain", toString()).with("image/svg+xml", RunsChart.svg(this));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeitResult r && Arrays.equals(runNanos, r.runNanos) && loops == r.loops
                && compileNanos == r.compileNanos && environment.equals(r.environment);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(runNanos) * 31 + Long.hashCode(loops); }
}
