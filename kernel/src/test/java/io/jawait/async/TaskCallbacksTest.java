package io.jawait.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Task#addDoneCallback}: asyncio's add_done_callback, in both modes. */
class TaskCallbacksTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callbacks_run_in_the_order_they_were_added_once_the_task_is_done(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Async.run(Async.async(() -> {
            Task<Integer> t = Async.createTask(Async.async(() -> {
                Async.sleep(0.05);
                return 7;
            }));
            for (String name : List.of("a", "b", "c", "d")) {
                t.addDoneCallback(done -> seen.add(name + "=" + done.result()));
            }
            assertEquals(List.of(), seen, "no callback before the task is done");
            return Async.await(t);
        }), mode);
        assertEquals(List.of("a=7", "b=7", "c=7", "d=7"), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_callback_added_to_a_finished_task_runs_at_once(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Task<String> t = Async.run(Async.async(() -> {
            Task<String> child = Async.createTask(Async.async(() -> "x"));
            Async.await(child);
            return child;
        }), mode);
        t.addDoneCallback(done -> seen.add("first " + done.result()));
        assertEquals(List.of("first x"), seen);
        t.addDoneCallback(done -> seen.add("second"));
        assertEquals(List.of("first x", "second"), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_failing_callback_is_reported_and_the_next_ones_still_run(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        String err = Captured.stderrOf(() -> Async.run(Async.async(() -> {
            Task<Integer> t = Async.createTask(Async.async(() -> {
                Async.sleep(0.02);
                return 1;
            }), "worker");
            t.addDoneCallback(done -> {
                throw new IllegalStateException("callback broke");
            });
            t.addDoneCallback(done -> seen.add("after"));
            return Async.await(t);
        }), mode));
        assertEquals(List.of("after"), seen);
        assertTrue(err.contains("Exception in callback of <Task worker done result=1>"), err);
        assertTrue(err.contains("IllegalStateException: callback broke"), err);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void an_awaiter_resumes_only_after_the_callbacks_have_run(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> atResume = Async.run(Async.async(() -> {
            Task<Integer> t = Async.createTask(Async.async(() -> 3), "quick");
            t.addDoneCallback(done -> {
                try {
                    Thread.sleep(100); // a slow callback: the awaiter must still wait for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add("slow");
            });
            t.addDoneCallback(done -> seen.add("last"));
            Async.await(t);
            return List.copyOf(seen);
        }), mode);
        assertEquals(List.of("slow", "last"), atResume);
    }
}
