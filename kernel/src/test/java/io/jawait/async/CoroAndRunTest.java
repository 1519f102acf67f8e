package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.createTask;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CoroAndRunTest {

    private static Coro<String> fetchData() {
        return async(() -> "data");
    }

    @Test
    void a_coroutine_body_does_not_run_until_it_is_awaited() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Coro<Integer> c = async(() -> {
            ran.set(true);
            return 42;
        });
        assertFalse(ran.get());
        assertFalse(c.started());
        assertEquals(42, run(c));
        assertTrue(ran.get());
    }

    @Test
    void a_coroutine_is_named_after_the_method_that_made_it() {
        assertEquals("fetchData", fetchData().name());
        assertTrue(fetchData().toString().contains("fetchData"));
    }

    @Test
    void awaiting_a_coroutine_twice_is_an_error() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(async(() -> {
            Coro<String> c = fetchData();
            await(c);
            return await(c);
        })));
        assertTrue(e.getMessage().contains("cannot reuse already awaited coroutine"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void run_returns_the_value_of_the_main_coroutine(Mode mode) throws Exception {
        assertEquals("data!", run(async(() -> await(fetchData()) + "!"), mode));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void run_rethrows_the_original_exception_of_the_main_coroutine(Mode mode) {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        var e = assertThrows(IllegalArgumentException.class, () -> run(async(() -> {
            sleep(0.01);
            throw boom;
        }), mode));
        assertSame(boom, e);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void run_refuses_to_nest(Mode mode) throws Exception {
        String err = Captured.stderrOf(() -> {
            var e = assertThrows(IllegalStateException.class, () -> run(async(() -> run(fetchData())), mode));
            assertEquals("run() cannot be called from a running event loop", e.getMessage());
        });
        assertTrue(err.contains("RuntimeWarning: coroutine 'fetchData' was never awaited"), err);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void run_cancels_tasks_left_running_when_main_returns(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> sleeping = new CompletableFuture<>();
        Task<?> left = run(async(() -> {
            Task<Void> t = createTask(async(() -> {
                try {
                    sleeping.complete(null);
                    sleep(10);
                } catch (CancelledError e) {
                    seen.add("cancelled");
                    throw e;
                }
            }));
            await(sleeping);
            return t;
        }), mode);
        assertTrue(left.cancelled());
        assertEquals(List.of("cancelled"), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void run_reports_task_exceptions_never_retrieved(Mode mode) throws Exception {
        String err = Captured.stderrOf(() -> run(async(() -> {
            createTask(async("failing", () -> {
                throw new IllegalStateException("nobody looked");
            }));
            sleep(0.05);
        }), mode));
        assertTrue(err.contains("Task exception was never retrieved"), err);
        assertTrue(err.contains("failing") && err.contains("nobody looked"), err);
    }

    @Test
    void coroutines_never_awaited_are_reported_once_per_name_with_a_count() throws Exception {
        String err = Captured.stderrOf(() -> run(async(() -> {
            for (int i = 0; i < 3; i++) {
                async("lost", () -> 1);
            }
            await(async("used", () -> 1));
        })));
        assertEquals(1, err.lines().filter(l -> l.contains("RuntimeWarning")).count(), err);
        assertTrue(err.contains("RuntimeWarning: coroutine 'lost' was never awaited (3 coroutines)"), err);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_task_that_succeeded_unobserved_is_not_reported(Mode mode) throws Exception {
        String err = Captured.stderrOf(() -> run(async(() -> {
            createTask(async("quiet", () -> 42));
            sleep(0.05);
        }), mode));
        assertFalse(err.contains("never retrieved"), err);
    }

    @Test
    void a_retrieved_task_exception_is_not_reported() throws Exception {
        String err = Captured.stderrOf(() -> run(async(() -> {
            Task<Void> t = createTask(async("failing", () -> {
                throw new IllegalStateException("seen");
            }));
            sleep(0.05);
            return t.exception();
        })));
        assertFalse(err.contains("never retrieved"), err);
    }

    @Test
    void await_outside_a_run_runs_the_coroutine() throws Exception {
        assertEquals("data", await(fetchData()));
    }

    @Test
    void createTask_outside_a_run_says_there_is_no_running_loop() {
        var e = assertThrows(IllegalStateException.class, () -> createTask(fetchData()));
        assertTrue(e.getMessage().contains("no running event loop"), e.getMessage());
    }

    @Test
    void the_default_mode_applies_to_runs_that_name_none() throws Exception {
        Mode before = Async.mode();
        try {
            Async.mode(Mode.LOOP);
            run(async(() -> sleep(0.01)));
            assertEquals(Mode.LOOP, Async.lastRunStats().mode());
        } finally {
            Async.mode(before);
        }
    }
}
