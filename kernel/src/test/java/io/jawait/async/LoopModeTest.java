package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.createTask;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoopModeTest {

    @Test
    void a_created_task_first_runs_at_its_creators_next_suspension() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        run(async(() -> {
            createTask(async(() -> log.add("task runs")));
            log.add("creator continues");
            log.add("creator still running");
            sleep(0);
            log.add("creator resumed");
        }), Mode.LOOP);
        assertEquals(List.of("creator continues", "creator still running", "task runs", "creator resumed"), log);
    }

    @Test
    void ready_tasks_resume_first_in_first_out_so_order_is_the_same_on_every_run() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int repeat = 0; repeat < 5; repeat++) {
            List<String> log = new CopyOnWriteArrayList<>();
            List<Coro<Void>> coros = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                coros.add(async(() -> {
                    log.add("start " + n);
                    sleep(0);
                    log.add("middle " + n);
                    sleep(0.01);
                    log.add("end " + n);
                }));
            }
            run(async(() -> gather(coros)), Mode.LOOP);
            runs.add(log);
        }
        for (List<String> r : runs) {
            assertEquals(runs.get(0), r);
        }
        assertEquals("start 0", runs.get(0).get(0));
        assertEquals("middle 0", runs.get(0).get(10));
        assertEquals("end 9", runs.get(0).get(29));
    }

    @Test
    void code_between_suspensions_is_atomic_and_only_one_task_runs_at_a_time() throws Exception {
        int[] counter = {0};
        List<Coro<Void>> coros = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            coros.add(async(() -> {
                for (int k = 0; k < 10_000; k++) {
                    counter[0]++;
                }
                sleep(0);
                for (int k = 0; k < 10_000; k++) {
                    counter[0]++;
                }
            }));
        }
        run(async(() -> gather(coros)), Mode.LOOP);
        assertEquals(200_000, counter[0]);
        assertEquals(1, Async.lastRunStats().maxRunning());
        assertTrue(Async.lastRunStats().switches() >= 21, Async.lastRunStats().toString());
    }

    @Test
    void virtual_mode_counts_tasks_blocked_at_the_same_time_as_running_together() throws Exception {
        // blockingSleep does not suspend, so three of them gathered are three tasks running at once; the main task
        // waits in gather meanwhile, but it still counts as running if its children start before it gets there (CI
        // saw 4 once, on a host taking the cores away)
        run(async(() -> gather(async(() -> Async.blockingSleep(0.3)), async(() -> Async.blockingSleep(0.3)),
                async(() -> Async.blockingSleep(0.3)))), Mode.VIRTUAL);
        int maxRunning = Async.lastRunStats().maxRunning();
        assertTrue(maxRunning == 3 || maxRunning == 4, Async.lastRunStats().toString());
        assertEquals(4, Async.lastRunStats().tasks());
    }

    @Test
    void a_cancel_reaches_a_task_that_has_not_started_yet() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        run(async(() -> {
            Task<Boolean> t = createTask(async(() -> log.add("ran")));
            t.cancel();
            sleep(0);
            assertTrue(t.cancelled());
        }), Mode.LOOP);
        assertEquals(List.of(), log);
    }
}
