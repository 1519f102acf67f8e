package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.createTask;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimersTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void cancelled_sleeps_do_not_stay_on_the_clock(Mode mode) throws Exception {
        int before = Timers.size();
        run(async(() -> {
            List<Task<Void>> sleepers = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                sleepers.add(createTask(async(() -> sleep(3600))));
            }
            sleep(0.2);
            sleepers.forEach(Task::cancel);
        }), mode);
        // withdrawn alarms are swept once they are half the heap: 3,000 hour-long ones must not all be left
        assertTrue(Timers.size() - before < 1500, "alarms left on the clock: " + (Timers.size() - before));
    }

    @Test
    void a_sleep_after_many_cancelled_ones_still_wakes_on_time() throws Exception {
        run(async(() -> {
            List<Task<Void>> sleepers = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                sleepers.add(createTask(async(() -> sleep(3600))));
            }
            sleep(0.05);
            sleepers.forEach(Task::cancel);
        }), Mode.VIRTUAL);
        long t0 = System.nanoTime();
        run(async(() -> sleep(0.1)), Mode.VIRTUAL);
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(s >= 0.1 && s < 2, "sleep(0.1) took " + s + " s");
    }

    @Test
    void sleeps_with_the_same_length_wake_in_the_order_they_began_in_loop_mode() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Coro<Void>> coros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            coros.add(async(() -> {
                sleep(0.05);
                order.add(n);
            }));
        }
        run(async(() -> gather(coros)), Mode.LOOP);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
    }

    @Test
    void in_loop_mode_the_alarm_of_a_cancelled_sleep_does_not_wake_a_later_wait() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        run(async(() -> {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            Task<Void> t = createTask(async("t", () -> {
                try {
                    sleep(0.05);
                } catch (CancelledError e) {
                    await(gate);
                    log.add("t resumed");
                }
            }));
            sleep(0);
            t.cancel();
            // t's withdrawn alarm comes due meanwhile
            sleep(0.2);
            log.add("gate opens");
            gate.complete(null);
            await(t);
        }), Mode.LOOP);
        assertEquals(List.of("gate opens", "t resumed"), log);
    }
}
