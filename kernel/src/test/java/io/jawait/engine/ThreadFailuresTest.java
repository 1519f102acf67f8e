package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread that cell code started and that dies of an exception says so on the cell's stderr, as a JVM says so
 * on its console, with the cell's lines in its trace: platform threads, pool workers and virtual threads alike.
 */
class ThreadFailuresTest extends EngineTestKit {

    private String stderrOf(String code) {
        var out = new RecordingOutput(false);
        assertInstanceOf(ExecuteOutcome.Ok.class, exec(code, out), out.stderr());
        return out.stderr();
    }

    @Test
    void a_platform_thread_that_throws_is_reported_with_the_cell_line() {
        String err = stderrOf("Thread dies = new Thread(() -> {\n    throw new IllegalStateException(\"lost\");\n},"
                + " \"worker-7\");\ndies.start();\ndies.join();");
        assertTrue(err.startsWith("Exception in thread \"worker-7\" java.lang.IllegalStateException: lost\n"), err);
        assertTrue(err.contains("(cell " + count + ", line 2)"), err);
        assertFalse(err.contains("$JShell$"), err);
    }

    @Test
    void a_pool_worker_that_throws_is_reported() {
        String err = stderrOf("var pool = Executors.newSingleThreadExecutor();\n"
                + "pool.execute(() -> { throw new IllegalArgumentException(\"from the pool\"); });\n"
                + "pool.shutdown();\npool.awaitTermination(10, TimeUnit.SECONDS);");
        assertTrue(err.contains("java.lang.IllegalArgumentException: from the pool"), err);
        assertTrue(err.contains("(cell " + count + ", line 2)"), err);
    }

    @Test
    void a_virtual_thread_started_by_a_virtual_thread_is_reported_with_the_lines_of_both_cells() {
        execSuccess("void failAt(int depth) {\n    if (depth == 0) throw new RuntimeException(\"deep\");\n"
                + "    failAt(depth - 1);\n}");
        int declared = count;
        // one block, so one snippet: the threads fail while it runs, before JShell has given it its id
        String err = stderrOf("{\nvar outer = Thread.ofVirtual().start(() -> {\n"
                + "    var inner = Thread.ofVirtual().start(() -> failAt(1));\n"
                + "    try { inner.join(); } catch (InterruptedException e) { }\n});\nouter.join();\n}");
        assertTrue(err.startsWith("Exception in thread \"\" java.lang.RuntimeException: deep\n"), err);
        assertTrue(err.contains("failAt(cell " + declared + ", line 2)"), err);
        assertTrue(err.contains("(cell " + count + ", line 3)"), err);
    }

    @Test
    void a_thread_started_inside_a_task_of_the_await_helpers_is_reported_with_the_cell_line_in_either_mode() {
        for (String mode : new String[] {"Mode.VIRTUAL", "Mode.LOOP"}) {
            String err = stderrOf("run(async(() -> {\n    Thread dies = new Thread(() -> {\n"
                    + "        throw new IllegalStateException(\"in a task\");\n    }, \"task-worker\");\n"
                    + "    dies.start();\n    dies.join();\n}), " + mode + ");");
            String first = "Exception in thread \"task-worker\" java.lang.IllegalStateException: in a task\n";
            assertTrue(err.startsWith(first), mode + ": " + err);
            assertTrue(err.contains("(cell " + count + ", line 3)"), mode + ": " + err);
            assertFalse(err.contains("REPL."), mode + ": " + err);
        }
    }

    @Test
    void a_cause_is_reported_too() {
        String err = stderrOf("var t = new Thread(() -> { throw new RuntimeException(\"outer\","
                + " new java.io.IOException(\"disk\")); });\nt.start();\nt.join();");
        assertTrue(err.contains("Caused by: java.io.IOException: disk"), err);
    }

    @Test
    void a_default_handler_the_cell_set_takes_the_exception_instead() {
        try {
            String err = stderrOf("Thread.setDefaultUncaughtExceptionHandler((t, e) ->"
                    + " System.err.println(\"handled: \" + e.getMessage()));\n"
                    + "var t = new Thread(() -> { throw new RuntimeException(\"mine\"); });\nt.start();\nt.join();");
            assertEquals("handled: mine\n", err);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
    }

    /** The thread a stop check ends throws JShell's stop signal: the interrupted cell reports it, the thread not. */
    @Test
    void a_thread_an_interrupt_stops_ends_quietly() throws Exception {
        var out = new RecordingOutput(false);
        var cell = CompletableFuture.supplyAsync(() -> exec(
                "var spins = new Thread(() -> { while (true) { } });\nspins.start();\n"
                        + "System.out.println(\"running\");\nspins.join();", out));
        InterruptTest.awaitOutput(out, "running");
        interpreter.interrupt();
        var outcome = assertInstanceOf(ExecuteOutcome.Error.class, cell.get(10, TimeUnit.SECONDS));
        assertEquals("KeyboardInterrupt", outcome.ename());
        assertEquals("false", execSuccess("spins.isAlive()"));
        assertFalse(out.stderr().contains("Exception in thread"), out.stderr());
    }
}
