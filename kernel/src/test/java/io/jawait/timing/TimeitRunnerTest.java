package io.jawait.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The runner's choice of loop (checked original or measured copy) and its JIT-aware warm-up. */
class TimeitRunnerTest {
    private final List<String> calls = new ArrayList<>();

    private TimedLoop recording(String name) {
        return loops -> {
            calls.add(name + " " + loops);
            return 300_000_000L;
        };
    }

    @Test
    void the_copy_is_measured_only_after_the_checked_loop_ran_the_statement_once() throws Throwable {
        new TimeitRunner(5, 2, 1).run(recording("checked"), recording("copy"), 0, () -> 0L, c -> true);
        assertEquals(List.of("checked 1", "copy 5", "copy 5", "copy 5"), calls);
    }

    @Test
    void auto_ranging_also_starts_with_one_checked_call() throws Throwable {
        new TimeitRunner(0, 1, 0).run(recording("checked"), recording("copy"), 0, () -> 0L, c -> true);
        assertEquals(List.of("checked 1", "copy 1", "copy 1"), calls, "the 0.3 s run ends auto-ranging at 1 loop");
    }

    @Test
    void with_loops_given_and_no_warm_up_the_checked_loop_is_measured() throws Throwable {
        new TimeitRunner(5, 2, 0).run(recording("checked"), recording("copy"), 0, () -> 0L, c -> true);
        assertEquals(List.of("checked 5", "checked 5"), calls);
    }

    @Test
    void without_a_copy_the_checked_loop_is_measured() throws Throwable {
        new TimeitRunner(5, 1, 1).run(recording("checked"), null, 0, () -> 0L, c -> true);
        assertEquals(List.of("checked 5", "checked 5"), calls);
    }

    @Test
    void automatic_warm_up_goes_on_while_the_jit_compiles() throws Throwable {
        var jit = new AtomicLong();
        var runs = new AtomicInteger();
        // 0.3 s runs; the JIT compiles 50 ms during each of the first six, then nothing
        TimedLoop loop = loops -> {
            if (runs.incrementAndGet() <= 6) {
                jit.addAndGet(50);
            }
            return 300_000_000L;
        };
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, jit::get, c -> true);
        assertEquals(7, runs.get(), "four runs fill the second, two more while compiling, one quiet run");
    }

    @Test
    void a_millisecond_of_compilation_does_not_prolong_warm_up() throws Throwable {
        var jit = new AtomicLong();
        var runs = new AtomicInteger();
        TimedLoop loop = loops -> {
            runs.incrementAndGet();
            jit.addAndGet(1);
            return 300_000_000L;
        };
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, jit::get, c -> true);
        assertEquals(4, runs.get());
    }

    @Test
    void automatic_warm_up_goes_on_until_c2_compiled_the_loop_and_one_run_more() throws Throwable {
        var runs = new AtomicInteger();
        var probes = new AtomicInteger();
        TimedLoop loop = loops -> {
            runs.incrementAndGet();
            return 300_000_000L;
        };
        // the first five questions find the loop still in C1 code
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, () -> 0L,
                c -> probes.incrementAndGet() > 5);
        assertEquals(7, runs.get(), "compiled after the sixth run, then one run more");
    }

    @Test
    void whether_c2_compiled_the_loop_is_asked_once_per_tenth_of_a_second_of_runs() throws Throwable {
        var probes = new AtomicInteger();
        TimedLoop loop = loops -> 10_000_000L;
        new TimeitRunner(1, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 1, () -> 0L, c -> {
            probes.incrementAndGet();
            return false;
        });
        assertEquals(TimeitRunner.MAX_WARMUP_NANOS / TimeitRunner.PROBE_EVERY_NANOS, probes.get(),
                "never compiled: warm-up ends at its limit, asking every 100 ms of runs");
    }

    @Test
    void automatic_warm_up_counts_wall_time_when_a_run_is_shorter_than_its_bookkeeping() throws Throwable {
        var runs = new AtomicInteger();
        // each run reports 100 ns (-n 10 of a 10 ns statement) but takes 50 us of wall time
        TimedLoop loop = loops -> {
            if (runs.incrementAndGet() > 200_000) {
                throw new AssertionError("still warming up after 200,000 runs of 50 us, 10 s");
            }
            long until = System.nanoTime() + 50_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return 100L;
        };
        long start = System.nanoTime();
        new TimeitRunner(10, 2, TimeitRunner.AUTO_WARMUP).warmUp(loop, 10, () -> 0L, c -> true);
        double seconds = (System.nanoTime() - start) / 1e9;
        // one second of warm-up, as for any statement; generous for a busy machine
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 4, "warm-up took " + seconds + " s");
    }

    @Test
    void warm_up_given_as_a_number_of_runs_does_not_wait_for_c2() throws Throwable {
        var runs = new AtomicInteger();
        TimedLoop loop = loops -> {
            runs.incrementAndGet();
            return 300_000_000L;
        };
        new TimeitRunner(1, 2, 3).warmUp(loop, 1, () -> 0L, c -> false);
        assertEquals(3, runs.get());
    }
}
