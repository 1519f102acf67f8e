package io.jawait.async;

import static io.jawait.async.Async.allTasks;
import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.createTask;
import static io.jawait.async.Async.currentTask;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.runInThreadpool;
import static io.jawait.async.Async.semaphore;
import static io.jawait.async.Async.sleep;
import static io.jawait.async.Async.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HelpersTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void toThread_runs_on_a_platform_thread_and_rethrows_the_original_exception(Mode mode) throws Exception {
        boolean virtual = run(async(() -> toThread(() -> Thread.currentThread().isVirtual())), mode);
        assertFalse(virtual);
        IOException boom = new IOException("boom");
        assertSame(boom, assertThrows(IOException.class, () -> run(async(() -> runInThreadpool(() -> {
            throw boom;
        })), mode)));
    }

    @Test
    void in_loop_mode_toThread_lets_other_tasks_run_while_it_blocks() throws Exception {
        long t0 = System.nanoTime();
        run(async(() -> gather(
                async(() -> toThread(() -> {
                    Thread.sleep(500);
                    return null;
                })),
                async(() -> runInThreadpool(() -> {
                    Thread.sleep(500);
                    return null;
                })))), Mode.LOOP);
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(s < 0.95, s + " s");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_semaphore_lets_at_most_its_permits_in_at_once(Mode mode) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        run(async(() -> {
            AsyncSemaphore sem = semaphore(2);
            List<Coro<Void>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(async(() -> {
                    try (AsyncSemaphore.Permit p = sem.acquire()) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        sleep(0.02);
                        inside.decrementAndGet();
                    }
                }));
            }
            gather(jobs);
            assertEquals(2, sem.available());
        }), mode);
        assertEquals(2, most.get());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_task_cancelled_while_waiting_for_a_permit_takes_none(Mode mode) throws Exception {
        run(async(() -> {
            AsyncSemaphore sem = semaphore(1);
            AsyncSemaphore.Permit held = sem.acquire();
            Task<AsyncSemaphore.Permit> waiter = createTask(async(sem::acquire));
            sleep(0.02);
            waiter.cancel();
            assertThrows(CancelledError.class, () -> await(waiter));
            held.close();
            held.close();
            assertEquals(1, sem.available());
        }), mode);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void currentTask_and_allTasks_describe_the_run(Mode mode) throws Exception {
        run(async("main", () -> {
            assertEquals("main", currentTask().name());
            Task<Void> t = createTask(async("other", () -> sleep(1)), "other");
            assertTrue(allTasks().contains(t));
            assertTrue(allTasks().contains(currentTask()));
            t.cancel();
        }), mode);
        assertThrows(IllegalStateException.class, Async::currentTask);
    }

    @Test
    void bad_arguments_give_clear_errors() {
        var e = assertThrows(IllegalArgumentException.class, () -> run(async(() -> sleep(-1))));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> semaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> Async.waitFor(async(() -> 1), Double.NaN));
        assertThrows(NullPointerException.class, () -> run(null));
    }
}
