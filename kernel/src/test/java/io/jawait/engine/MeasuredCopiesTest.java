package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import io.jawait.timing.TimedLoop;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** %timeit measures a copy of its loop without JShell's stop checks in the statement, and stays interruptible. */
class MeasuredCopiesTest extends MagicsTestKit {

    @Test
    void the_measured_statement_runs_its_own_loops_without_jshells_stop_check() {
        execSuccess("int[] copyCalls = {0};");
        // the statement raises JShell's stop flag around its own loop whenever it runs in the copy: a stop check
        // woven into that loop would end the cell with a KeyboardInterrupt
        execSuccess("""
                %%timeit -q -n 20 -r 3 -w 2 var stopFlag = Class.forName("REPL.$Cancel$", true, getClass().getClassLoader()).getField("allStop");
                boolean inCopy = getClass().isHidden();
                if (inCopy) { copyCalls[0]++; stopFlag.setBoolean(null, true); }
                int s = 0;
                for (int i = 0; i < 100; i++) { s += i; }
                if (inCopy) { stopFlag.setBoolean(null, false); }
                s
                """);
        var shown = assertInstanceOf(ExecuteOutcome.Ok.class, exec("copyCalls[0]", new RecordingOutput(false)));
        // two warm-up and three measured runs of 20 loops each, all in the copy
        assertEquals("100", shown.result().data().get("text/plain"));
    }

    @Test
    void statements_with_lambdas_and_anonymous_classes_are_timed() {
        // a copy that cannot be defined (an inner class naming the original as its outer) falls back to it
        execSuccess("%timeit -q -n 10 -r 2 java.util.List.of(1, 2).stream().map(i -> i * 2).count()");
        execSuccess("%timeit -q -n 10 -r 2 "
                + "new Object() { public String toString() { return \"anon\" + hashCode(); } }.toString()");
        execSuccess("Object lastRunnable = null;");
        execSuccess("%timeit -q -n 10 -r 2 new Runnable() { public void run() { lastRunnable = this; } }.run()");
    }

    @Test
    void an_endless_statement_in_timeit_is_still_interrupted() throws Exception {
        assertEquals("KeyboardInterrupt",
                interruptWhileRunning("%timeit System.out.println(\"running\"); while (true) {}"));
        execSuccess("int afterEndless = 1;");
    }

    @Test
    void a_long_run_of_the_measured_copy_is_interrupted_between_loops() throws Exception {
        execSuccess("boolean[] announced = {false};");
        String cell = "%timeit -n 10000000000 -r 7 -w 1 if (getClass().isHidden() && !announced[0]) { "
                + "announced[0] = true; System.out.println(\"running\"); } Math.sqrt(2.0)";
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell));
        execSuccess("int afterLong = 1;");
    }

    @Test
    void the_copy_keeps_one_stop_check_per_loop_and_none_in_the_statement() throws IOException {
        String name = SampleLoop.class.getName();
        MeasuredCopies.remember(name, readClass(SampleLoop.class));
        byte[] copy = MeasuredCopies.peek(name);
        assertNotNull(copy, "a TimedLoop calling checkpoint() should get a copy");
        assertEquals(1, stopChecks(copy));
        assertEquals(0, checkpoints(copy));
        MeasuredCopies.remember("NoLoop", readClass(MeasuredCopiesTest.class));
        assertNull(MeasuredCopies.peek("NoLoop"));
    }

    private String interruptWhileRunning(String code) throws Exception {
        var out = new RecordingOutput(false);
        var cell = CompletableFuture.supplyAsync(() -> exec(code, out));
        InterruptTest.awaitOutput(out, "running");
        long start = System.nanoTime();
        interpreter.interrupt();
        var outcome = cell.get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1500, "execute returned " + millis + " ms after the interrupt");
        return assertInstanceOf(ExecuteOutcome.Error.class, outcome).ename();
    }

    private static byte[] readClass(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static long stopChecks(byte[] bytes) {
        return calls(bytes, "stopCheck");
    }

    private static long checkpoints(byte[] bytes) {
        return calls(bytes, "checkpoint");
    }

    private static long calls(byte[] bytes, String method) {
        return ClassFile.of().parse(bytes).methods().stream().flatMap(m -> m.code().stream())
                .flatMap(code -> code.elementStream())
                .filter(e -> e instanceof InvokeInstruction call && call.name().equalsString(method)).count();
    }

    /** Shaped like a generated loop class: a statement with a loop of its own inside the timing loop. */
    static final class SampleLoop implements TimedLoop {
        @Override
        public long timeLoops(long loops) {
            long sum = 0;
            for (long i = 0; i < loops; i++) {
                TimedLoop.checkpoint();
                for (int j = 0; j < 10; j++) {
                    sum += j;
                }
            }
            return sum;
        }
    }
}
