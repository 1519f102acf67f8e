package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.blockingSleep;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timing behaviour with generous bounds: sleeps never end early, and overlap is real. */
class TimingTest {

    private static double seconds(Body body) throws Exception {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    interface Body {
        void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void three_gathered_one_second_sleeps_take_well_under_two_seconds(Mode mode) throws Exception {
        double s = seconds(() -> run(async(() -> gather(
                async(() -> sleep(1)), async(() -> sleep(1)), async(() -> sleep(1)))), mode));
        assertTrue(s >= 0.99 && s < 1.8, mode + ": " + s + " s");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void three_sequential_awaits_take_three_seconds(Mode mode) throws Exception {
        double s = seconds(() -> run(async(() -> {
            Async.await(async(() -> sleep(0.3)));
            Async.await(async(() -> sleep(0.3)));
            Async.await(async(() -> sleep(0.3)));
        }), mode));
        assertTrue(s >= 0.89 && s < 1.6, mode + ": " + s + " s");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void blocking_sleeps_block_every_task_only_in_loop_mode(Mode mode) throws Exception {
        double s = seconds(() -> run(async(() -> gather(
                async(() -> blockingSleep(1)), async(() -> Thread.sleep(1000)), async(() -> blockingSleep(1)))), mode));
        if (mode == Mode.LOOP) {
            assertTrue(s >= 2.9, "LOOP: " + s + " s");
        } else {
            assertTrue(s >= 0.99 && s < 2.0, "VIRTUAL: " + s + " s");
        }
    }
}
