package io.jawait.async;

import static io.jawait.async.Async.async;
import static io.jawait.async.Async.gather;
import static io.jawait.async.Async.lastTrace;
import static io.jawait.async.Async.run;
import static io.jawait.async.Async.sleep;
import static io.jawait.async.Async.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceTest {

    @AfterEach
    void traceOff() {
        trace(false);
    }

    private static Coro<Void> work(int id) {
        return async("work-" + id, () -> sleep(0.05));
    }

    private static Coro<Void> main() {
        return async("main", () -> {
            gather(work(1), work(2), work(3));
        });
    }

    @Test
    void a_traced_loop_run_shows_each_switch_in_the_loops_order() throws Exception {
        trace(true);
        String printed = Captured.stdoutOf(() -> run(main(), Mode.LOOP));
        List<String> expected = List.of(
                "run main", "main suspends in gather",
                "run work-1", "work-1 suspends in sleep(0.05)",
                "run work-2", "work-2 suspends in sleep(0.05)",
                "run work-3", "work-3 suspends in sleep(0.05)",
                "resume work-1", "work-1 done", "resume work-2", "work-2 done", "resume work-3", "work-3 done",
                "resume main", "main done");
        assertEquals(expected, lastTrace());
        List<String> lines = printed.lines().toList();
        assertEquals(expected.size(), lines.size(), printed);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches("\\[loop \\+\\d+\\.\\d{3}] " + java.util.regex.Pattern.quote(expected.get(i))),
                    lines.get(i));
        }
    }

    @Test
    void a_suspension_is_named_after_the_helper_the_task_called() throws Exception {
        trace(true);
        AsyncSemaphore gate = Async.semaphore(1);
        Captured.stdoutOf(() -> run(async("main", () -> {
            Task<Void> holder = Async.createTask(async(() -> {
                try (var permit = gate.acquire()) {
                    sleep(0.02);
                }
            }), "holder");
            sleep(0);
            try (var permit = gate.acquire()) {
                Async.await(holder);
            }
        }), Mode.LOOP));
        assertEquals(List.of("main suspends in sleep(0)", "holder suspends in sleep(0.02)",
                "main suspends in AsyncSemaphore.acquire", "holder done"),
                lastTrace().stream().filter(l -> l.contains(" suspends in ") || l.endsWith(" done"))
                        .limit(4).toList());
    }

    @Test
    void three_traced_runs_give_the_same_trace_with_as_many_resumes_as_suspensions() throws Exception {
        trace(true);
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Captured.stdoutOf(() -> run(main(), Mode.LOOP));
            runs.add(lastTrace());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertEquals(runs.get(0), runs.get(2));
        long suspends = runs.get(0).stream().filter(l -> l.contains(" suspends in ")).count();
        long resumes = runs.get(0).stream().filter(l -> l.startsWith("resume ")).count();
        assertEquals(4, suspends);
        assertEquals(suspends, resumes);
    }

    @Test
    void a_run_after_trace_false_prints_nothing_and_keeps_the_last_trace() throws Exception {
        trace(true);
        Captured.stdoutOf(() -> run(main(), Mode.LOOP));
        List<String> kept = lastTrace();
        trace(false);
        assertEquals("", Captured.stdoutOf(() -> run(main(), Mode.LOOP)));
        assertEquals(kept, lastTrace());
    }

    @Test
    void a_traced_virtual_run_says_it_has_no_loop_to_trace() throws Exception {
        trace(true);
        String printed = Captured.stdoutOf(() -> run(main(), Mode.VIRTUAL));
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("[trace] VIRTUAL run: no event loop to trace"), printed);
    }
}
