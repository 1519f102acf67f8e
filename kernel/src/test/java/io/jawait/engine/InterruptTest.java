package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupt ends the cell within a second and keeps what earlier cells defined. */
class InterruptTest extends EngineTestKit {
    /** Printed by a cell when it reaches the statement the test interrupts. */
    private static final String RUNNING = "System.out.println(\"running\");\n";

    private ExecuteOutcome.Error interruptWhileRunning(String code) throws Exception {
        var out = new RecordingOutput(false);
        var cell = CompletableFuture.supplyAsync(() -> exec(code, out));
        awaitOutput(out, "running");
        long start = System.nanoTime();
        interpreter.interrupt();
        var outcome = cell.get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1500, "execute returned " + millis + " ms after the interrupt");
        return (ExecuteOutcome.Error) outcome;
    }

    @Test
    void interrupt_stops_a_busy_loop_and_keeps_variables() throws Exception {
        execSuccess("int keptBeforeInterrupt = 5;");
        assertEquals("KeyboardInterrupt", interruptWhileRunning(RUNNING + "while (true) {}").ename());
        assertEquals("5", execSuccess("keptBeforeInterrupt"));
    }

    @Test
    void interrupt_stops_a_sleep() throws Exception {
        assertEquals("KeyboardInterrupt", interruptWhileRunning(RUNNING + "Thread.sleep(60_000);").ename());
        assertEquals("2", execSuccess("1 + 1"));
    }

    @Test
    void interrupt_stops_a_blocking_wait() throws Exception {
        assertEquals("KeyboardInterrupt", interruptWhileRunning(RUNNING + "new CountDownLatch(1).await();").ename());
    }

    @Test
    void interrupt_reaches_threads_and_pool_tasks_the_cell_started() throws Exception {
        execSuccess("var stopped = new CountDownLatch(2);");
        String cell = """
                Runnable sleeper = () -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { stopped.countDown(); } };
                new Thread(sleeper).start();
                var pool = Executors.newFixedThreadPool(1);
                pool.submit(sleeper);
                System.out.println("running");
                Thread.sleep(60_000);
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        assertEquals("true", execSuccess("stopped.await(5, TimeUnit.SECONDS)"));
    }

    @Test
    void a_wait_inside_library_code_that_ignores_interrupts_is_reported_as_unstoppable() throws Exception {
        execSuccess("""
                var held = new java.util.concurrent.locks.ReentrantLock();
                var taken = new CountDownLatch(1);
                void sleepQuietly(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) {} }
                new Thread(() -> { held.lock(); taken.countDown(); sleepQuietly(3000); held.unlock(); }).start();
                taken.await();
                """);
        // ReentrantLock.lock() ignores interrupts and runs no snippet code, so JShell's stop cannot end it
        var e = interruptWhileRunning(RUNNING + "held.lock();");
        assertTrue(e.evalue().contains("library code"), e.evalue());
        assertEquals("EngineBusy", execError("1 + 1").ename());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (interpreterStillBusy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("2", execSuccess("1 + 1"));
    }

    private static boolean interpreterStillBusy() {
        var outcome = interpreter.execute(new io.jawait.protocol.ExecuteRequest("0", false, false, false,
                java.util.Map.of(), count), new RecordingOutput(false));
        return outcome instanceof ExecuteOutcome.Error e && e.ename().equals("EngineBusy");
    }

    static void awaitOutput(RecordingOutput out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!out.stdout().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cell never printed " + text);
            }
            Thread.sleep(5);
        }
    }
}
