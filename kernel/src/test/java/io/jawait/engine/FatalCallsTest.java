package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Calls that would end a JVM end only the cell; the kernel and its variables live on. */
class FatalCallsTest extends EngineTestKit {

    @Test
    void system_exit_becomes_an_error_in_the_cell() {
        execSuccess("int survivor = 7;");
        var e = execError("System.exit(0);");
        assertEquals("io.jawait.engine.ExitCalledError", e.ename());
        assertEquals("System.exit(0) was called in a cell: the kernel keeps running", e.evalue());
        assertEquals("7", execSuccess("survivor"));
    }

    @Test
    void runtime_halt_and_exit_and_an_exit_inside_a_declared_method_become_errors() {
        assertTrue(execError("Runtime.getRuntime().halt(3);").evalue().startsWith("Runtime.halt(3)"));
        assertTrue(execError("Runtime.getRuntime().exit(4);").evalue().startsWith("Runtime.exit(4)"));
        execSuccess("void quit() { System.exit(5); }");
        assertTrue(execError("quit();").evalue().startsWith("System.exit(5)"));
    }

    @Test
    void stop_instrumentation_still_applies_to_rewritten_classes() throws Exception {
        execSuccess("void quitLater(boolean really) { while (!really) {} System.exit(1); }");
        var out = new RecordingOutput(false);
        var busy = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> (io.jawait.protocol.ExecuteOutcome.Error) exec("System.out.println(\"running\"); quitLater(false);", out));
        InterruptTest.awaitOutput(out, "running");
        interpreter.interrupt();
        assertEquals("KeyboardInterrupt", busy.get(5, java.util.concurrent.TimeUnit.SECONDS).ename());
    }

    @Test
    void out_of_memory_ends_the_cell_and_keeps_variables() {
        execSuccess("String beforeOom = \"still here\";");
        // arrays of 16 GB each: beyond a test JVM's default heap at once, so the heap is never filled slowly
        var e = execError("var hog = new ArrayList<long[]>(); while (true) hog.add(new long[Integer.MAX_VALUE - 16]);");
        assertEquals("java.lang.OutOfMemoryError", e.ename());
        assertTrue(e.evalue().contains("kernel keeps running"), e.evalue());
        assertEquals("\"still here\"", execSuccess("beforeOom"));
    }

    @Test
    void stack_overflow_ends_the_cell_with_a_short_trace() {
        execSuccess("int down(int n) { return down(n + 1) + 1; }");
        var e = execError("down(0)");
        assertEquals("java.lang.StackOverflowError", e.ename());
        assertTrue(e.evalue().contains("recursion"), e.evalue());
        assertTrue(e.traceback().size() < 20, "repeated frames are folded: " + e.traceback().size());
        assertEquals("2", execSuccess("1 + 1"));
    }

    @Test
    void running_out_of_native_threads_is_explained() {
        var e = execError("throw new OutOfMemoryError(\"unable to create native thread: possibly out of memory\");");
        assertTrue(e.evalue().contains("more threads than the system allows"), e.evalue());
    }
}
