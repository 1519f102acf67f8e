package io.jawait.async;

import static io.jawait.async.Async.allTasks;
import static io.jawait.async.Async.async;
import static io.jawait.async.Async.asCompleted;
import static io.jawait.async.Async.await;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.gatherReturnExceptions;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GatherTest {

    private static Coro<Integer> after(double seconds, int value) {
        return async("after" + value, () -> {
            sleep(seconds);
            return value;
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gather_returns_results_in_argument_order(Mode mode) throws Exception {
        List<Integer> r = run(async(() -> gather(after(0.15, 1), after(0.05, 2), after(0.10, 3))), mode);
        assertEquals(List.of(1, 2, 3), r);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gather_of_a_collection_and_of_nothing_work(Mode mode) throws Exception {
        List<Coro<Integer>> coros = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            coros.add(after(0.01, i));
        }
        List<Integer> r = run(async(() -> gather(coros)), mode);
        assertEquals(20, r.size());
        assertEquals(19, r.get(19));
        assertEquals(List.of(), run(async(() -> gather(List.<Coro<Integer>>of())), mode));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gather_propagates_the_first_failure_and_leaves_siblings_running_until_run_ends(Mode mode)
            throws Exception {
        IOException boom = new IOException("boom");
        List<String> sibling = new CopyOnWriteArrayList<>();
        Coro<Integer> slow = async("slow", () -> {
            try {
                sleep(5);
                sibling.add("finished");
            } catch (CancelledError e) {
                sibling.add("cancelled");
                throw e;
            }
            return 1;
        });
        Coro<Integer> failing = async("failing", () -> {
            sleep(0.05);
            throw boom;
        });
        int stillRunning = run(async(() -> {
            var e = assertThrows(IOException.class, () -> gather(slow, failing));
            assertSame(boom, e);
            return (int) allTasks().stream().filter(t -> t.name().equals("slow")).count();
        }), mode);
        assertEquals(1, stillRunning, "the sibling was still running after gather threw");
        assertEquals(List.of("cancelled"), sibling, "run's exit cancelled it");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gatherReturnExceptions_puts_failures_in_the_list(Mode mode) throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Object> r = run(async(() -> gatherReturnExceptions(after(0.02, 1), async(() -> {
            throw boom;
        }))), mode);
        assertEquals(1, r.get(0));
        assertSame(boom, r.get(1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void cancelling_a_task_awaiting_gather_cancels_the_children(Mode mode) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Coro<Void> child = async("child", () -> {
            try {
                sleep(5);
            } catch (CancelledError e) {
                seen.add("child cancelled");
                throw e;
            }
        });
        run(async(() -> {
            Task<List<Void>> g = Async.createTask(async(() -> gather(child)));
            sleep(0.05);
            g.cancel();
            assertThrows(CancelledError.class, () -> await(g));
            assertTrue(g.cancelled());
        }), mode);
        assertEquals(List.of("child cancelled"), seen);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void asCompleted_yields_tasks_in_the_order_they_finish(Mode mode) throws Exception {
        List<Integer> order = run(async(() -> {
            List<Integer> out = new ArrayList<>();
            for (Task<Integer> t : asCompleted(List.of(after(0.3, 1), after(0.1, 2), after(0.2, 3)))) {
                out.add(await(t));
            }
            return out;
        }), mode);
        assertEquals(List.of(2, 3, 1), order);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_task_records_its_result_and_its_failure(Mode mode) throws Exception {
        run(async(() -> {
            CompletableFuture<Integer> gate = new CompletableFuture<>();
            Task<Integer> ok = Async.createTask(async(() -> await(gate)));
            Task<Integer> bad = Async.createTask(async(() -> {
                throw new IOException("bad");
            }));
            assertThrows(InvalidStateError.class, ok::result);
            gate.complete(7);
            assertEquals(7, await(ok));
            assertThrows(IOException.class, () -> await(bad));
            assertEquals(7, ok.result());
            assertInstanceOf(IOException.class, bad.exception());
            assertTrue(ok.toString().contains("result=7"), ok.toString());
        }), mode);
    }
}
