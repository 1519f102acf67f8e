package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimeitResultTest {
    private static final Environment ENV = Environment.current();

    @Test
    void prints_exactly_ipythons_line() {
        var r = new TimeitResult(new long[] {1_000_000, 1_100_000}, 1000, 0, ENV);
        assertEquals("1.05 \u00b5s \u00b1 50 ns per loop (mean \u00b1 std. dev. of 2 runs, 1,000 loops each)",
                r.toString());
    }

    @Test
    void singular_run_and_loop_drop_the_plural() {
        var r = new TimeitResult(new long[] {2_500_000_000L}, 1, 0, ENV);
        assertEquals("2.5 s \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)", r.toString());
    }

    @Test
    void statistics_are_per_loop_with_population_stdev() {
        var r = new TimeitResult(new long[] {1000, 2000, 3000}, 10, 0, ENV);
        assertEquals(2e-7, r.mean(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3) * 1e-7, r.stdev(), 1e-15);
        assertEquals(1e-7, r.best(), 1e-15);
        assertEquals(3e-7, r.worst(), 1e-15);
    }

    /** IPython's attribute names, so that code reading a TimeitResult carries over. */
    @Test
    void answers_to_ipythons_names_too() {
        var r = new TimeitResult(new long[] {1000, 2000, 3000}, 10, 250_000_000L, ENV);
        assertEquals(r.mean(), r.average(), 0);
        assertEquals(3, r.repeat());
        assertArrayEquals(new double[] {1e-6, 2e-6, 3e-6}, r.allRuns(), 1e-15);
        assertEquals(0.25, r.compileTime(), 1e-12);
    }

    @Test
    void warns_when_the_slowest_run_is_over_four_times_the_fastest() {
        var r = new TimeitResult(new long[] {10_000, 50_000}, 1, 0, ENV);
        assertEquals("The slowest run took 5.00 times longer than the fastest. This could mean that an "
                + "intermediate result is being cached.", r.slowRunWarning().orElseThrow());
    }

    @Test
    void no_warning_below_a_microsecond_per_loop() {
        assertFalse(new TimeitResult(new long[] {100, 900}, 1, 0, ENV).slowRunWarning().isPresent());
    }

    @Test
    void compare_says_which_is_faster_and_by_how_much() {
        var fast = new TimeitResult(new long[] {1000, 1000}, 1, 0, ENV);
        var slow = new TimeitResult(new long[] {3000, 3000}, 1, 0, ENV);
        assertTrue(fast.compare(slow).contains("3.00x faster than 3 \u00b5s"), fast.compare(slow));
        assertTrue(slow.compare(fast).contains("3.00x slower than 1 \u00b5s"), slow.compare(fast));
    }

    @Test
    void renders_text_and_an_svg_with_one_dot_per_run() {
        var r = new TimeitResult(new long[] {1000, 1100, 1200, 900}, 1, 0, ENV);
        var bundle = r.toMimeBundle();
        assertEquals(r.toString(), bundle.data().get("text/plain"));
        String svg = (String) bundle.data().get("image/svg+xml");
        assertTrue(svg.startsWith("<svg"));
        assertEquals(4, svg.split("<circle", -1).length - 1);
    }

    @Test
    void runner_autoranges_by_one_two_five_until_a_run_lasts_two_tenths_of_a_second() throws Throwable {
        TimedLoop fake = loops -> loops * 30_000_000L;
        assertEquals(10, TimeitRunner.autorange(fake));
    }

    @Test
    void runner_keeps_warmups_apart_from_measured_runs() throws Throwable {
        var calls = new AtomicInteger();
        TimedLoop loop = loops -> calls.incrementAndGet() * 1_000L;
        TimeitResult r = new TimeitRunner(4, 3, 2).run(loop, 7);
        assertEquals(5, calls.get());
        assertEquals(3, r.runs());
        assertEquals(3000, r.runNanos()[0]);
        assertEquals(4, r.loops());
        assertEquals(7, r.compileNanos());
    }

    @Test
    void automatic_warm_up_runs_until_a_second_has_passed() throws Throwable {
        var calls = new AtomicInteger();
        TimedLoop loop = loops -> {
            calls.incrementAndGet();
            return 300_000_000L;
        };
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).run(loop, null, 0, () -> 0L, c -> true);
        assertEquals(4 + 2, calls.get());
    }

    @Test
    void automatic_warm_up_goes_on_while_runs_keep_getting_faster() throws Throwable {
        // as the JIT would make them: 1.0, 0.9, 0.8, 0.7, 0.6 s, then steady
        long[] nanos = {1_000_000_000L, 900_000_000L, 800_000_000L, 700_000_000L, 600_000_000L};
        var calls = new AtomicInteger();
        TimedLoop loop = loops -> nanos[Math.min(calls.getAndIncrement(), nanos.length - 1)];
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, () -> 0L, c -> true);
        assertEquals(6, calls.get(), "five runs each faster than the last, then one that was not");
    }

    @Test
    void automatic_warm_up_stops_at_its_limit_when_runs_never_settle() throws Throwable {
        var calls = new AtomicInteger();
        TimedLoop loop = loops -> 2_000_000_000L - 200_000_000L * calls.getAndIncrement();
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, () -> 0L, c -> true);
        assertEquals(3, calls.get(), "2.0 + 1.8 + 1.6 s passes the 5 s limit");
    }

    @Test
    void counted_warm_up_runs_exactly_that_many_times() throws Throwable {
        var calls = new AtomicInteger();
        TimedLoop loop = loops -> 1_000_000_000L - 100_000_000L * calls.getAndIncrement();
        new TimeitRunner(1, 2, 3).warmUp(loop, 1, () -> 0L, c -> true);
        assertEquals(3, calls.get());
    }

    @Test
    void automatic_loops_are_ranged_again_once_the_loop_is_warm() throws Throwable {
        var calls = new AtomicInteger();
        // 1 ms per loop while auto-ranging (eight calls reach 200 loops), then 10 µs per loop, as after C2
        TimedLoop loop = loops -> loops * (calls.incrementAndGet() <= 8 ? 1_000_000L : 10_000L);
        TimeitResult r = new TimeitRunner(0, 3, TimeitRunner.AUTO_WARMUP).run(loop, null, 0, () -> 0L, c -> true);
        assertEquals(20_000, r.loops());
        assertEquals(200_000_000L, r.runNanos()[0]);
    }

    @Test
    void reranging_stays_on_the_one_two_five_grid_and_never_lowers_the_loops() {
        assertEquals(500, TimeitRunner.rerange(100, 50_000_000L));
        assertEquals(100, TimeitRunner.rerange(100, 300_000_000L));
        assertEquals(TimeitRunner.MAX_LOOPS, TimeitRunner.rerange(5_000_000_000L, 1));
    }

    @Test
    void loops_given_with_n_are_kept_after_warm_up() throws Throwable {
        TimedLoop fast = loops -> loops;
        assertEquals(3, new TimeitRunner(3, 2, 5).run(fast, 0).loops());
    }

    @Test
    void runner_rejects_zero_runs() {
        assertThrows(IllegalArgumentException.class, () -> new TimeitRunner(1, 0, 0));
    }

    @Test
    void environment_names_jdk_cores_and_collectors() {
        assertTrue(ENV.cores() >= 1);
        assertFalse(ENV.gcNames().isEmpty());
        assertTrue(ENV.toString().contains("JDK:      " + Runtime.version()));
    }
}
