package io.jawait.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.protocol.ExecuteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An interrupt ends the cell within a second and keeps what earlier cells defined. */
class InterruptTest extends EngineTestKit {
    /**
     * Wraps the statement the test interrupts in one block with a print, so the interrupt is known to come
     * while that statement runs, not while it is still being compiled.
     */
    private static String running(String statement) {
        return "{ System.out.println(\"running\");\n" + statement + "\n}";
    }

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
        assertEquals("KeyboardInterrupt", interruptWhileRunning(running("while (true) {}")).ename());
        assertEquals("5", execSuccess("keptBeforeInterrupt"));
    }

    /** A value's toString is the user's code too: one that never ends is interrupted like any other. */
    @Test
    void interrupt_stops_a_to_string_that_never_ends() throws Exception {
        execSuccess("class Endless { public String toString() { System.out.println(\"running\"); while (true) {} } }");
        assertEquals("KeyboardInterrupt", interruptWhileRunning("new Endless()").ename());
        assertEquals("2", execSuccess("1 + 1"));
    }

    /**
     * Runs {@code first} (which must print "compiling"), then {@code slowHead}, 800 statements and {@code slowTail}
     * as one more unit, which compiles for long enough that the interrupt, sent once "compiling" has printed,
     * lands while javac works on it; returns the cell's error name.
     */
    private String interruptWhileCompiling(String first, String slowHead, String slowTail) throws Exception {
        var slow = new StringBuilder(slowHead).append(" int v0 = 0;\n");
        for (int i = 1; i < 800; i++) {
            slow.append("int v").append(i).append(" = v").append(i - 1).append(" + 1;\n");
        }
        String code = first + "\n" + slow + slowTail;
        var out = new RecordingOutput(false);
        var cell = CompletableFuture.supplyAsync(() -> exec(code, out));
        awaitOutput(out, "compiling");
        interpreter.interrupt();
        return ((ExecuteOutcome.Error) cell.get(30, TimeUnit.SECONDS)).ename();
    }

    /** JShell's stop does nothing while a snippet compiles; an interrupt that comes then stops it as it starts. */
    @Test
    void an_interrupt_while_a_snippet_compiles_stops_it_before_its_code_runs() throws Exception {
        execSuccess("var reachedAfterInterrupt = new java.util.concurrent.atomic.AtomicInteger();");
        assertEquals("KeyboardInterrupt", interruptWhileCompiling("System.out.println(\"compiling\");", "{",
                "reachedAfterInterrupt.incrementAndGet();\nwhile (true) {}\n}"));
        assertEquals("0", execSuccess("reachedAfterInterrupt.get()"));
    }

    /**
     * An interrupt that lands while the cell's last unit compiles, a declaration that runs no code, still stops a
     * thread the cell started that spins in snippet code: there is no later snippet for JShell's stop to land in.
     */
    @Test
    void an_interrupt_while_the_last_unit_compiles_still_stops_threads_the_cell_started() throws Exception {
        String spinner = "Thread spinsUntilStopped = new Thread(() -> { while (true) {} });\n"
                + "spinsUntilStopped.start();\nSystem.out.println(\"compiling\");";
        assertEquals("KeyboardInterrupt", interruptWhileCompiling(spinner, "int slowToCompile() {", "return v799; }"));
        assertEquals("false", execSuccess("spinsUntilStopped.join(10_000);\nspinsUntilStopped.isAlive()"));
    }

    /**
     * A cell's last expression with no block, lambda or method reference runs without JShell's stop checks
     * (KernelExecutionControl.loadWithoutStopChecks): an interrupt that lands while it compiles must still keep
     * its code from running. The expression is one call with 3,000 arguments, slow to compile.
     */
    @Test
    void an_interrupt_while_a_straight_line_expression_compiles_stops_it_before_it_runs() throws Exception {
        execSuccess("var reachedAfterInterrupt = new java.util.concurrent.atomic.AtomicInteger();");
        var slow = new StringBuilder("java.util.Objects.hash(reachedAfterInterrupt.incrementAndGet()");
        for (int i = 0; i < 3000; i++) {
            slow.append(", ").append(i);
        }
        String code = "System.out.println(\"compiling\");\n" + slow + ")";
        assertTrue(FastExpressions.straightLine(slow + ")"));
        var out = new RecordingOutput(false);
        var cell = CompletableFuture.supplyAsync(() -> exec(code, out));
        awaitOutput(out, "compiling");
        interpreter.interrupt();
        assertEquals("KeyboardInterrupt", ((ExecuteOutcome.Error) cell.get(30, TimeUnit.SECONDS)).ename());
        assertEquals("0", execSuccess("reachedAfterInterrupt.get()"));
    }

    /** The stop checks of what a straight-line expression calls still end it: a cell's method, a cell's lambda. */
    @Test
    void interrupt_stops_loops_that_a_cell_expression_reaches_in_a_method_or_a_lambda() throws Exception {
        execSuccess("int spinForever() { while (true) {} }");
        assertEquals("KeyboardInterrupt",
                interruptWhileRunning("System.out.println(\"running\");\nspinForever()").ename());
        assertEquals("KeyboardInterrupt", interruptWhileRunning(
                "System.out.println(\"running\");\nIntStream.iterate(0, i -> i + 1).filter(i -> i < 0).findFirst()")
                .ename());
        assertEquals("2", execSuccess("1 + 1"));
    }

    /**
     * As asyncio.run does on Ctrl-C: the interrupt cancels the run's tasks, and their cleanup, which calls cell code
     * (whose stop checks would throw were JShell's stop flag up), runs as written; the tasks end cancelled.
     */
    @ParameterizedTest
    @ValueSource(strings = {"VIRTUAL", "LOOP"})
    void interrupt_cancels_the_tasks_of_an_await_run_and_lets_their_cleanup_run(String mode) throws Exception {
        execSuccess("var tidied = new java.util.concurrent.CopyOnWriteArrayList<String>();\n"
                + "void tidy(String who) { for (int i = 0; i < 3; i++) { tidied.add(who + i); } }");
        String cell = """
                mode(Mode.%s);
                run(async(() -> {
                    var a = createTask(async("a", () -> { try { sleep(60); } finally { tidy("a"); } }));
                    var b = createTask(async("b", () -> { try { sleep(60); } finally { tidy("b"); } }));
                    sleep(0.02);
                    System.out.println("running");
                    gather(a, b);
                }));
                """.formatted(mode);
        for (int round = 0; round < 5; round++) {
            execSuccess("tidied.clear()");
            assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
            assertEquals("[a0, a1, a2, b0, b1, b2]", execSuccess("tidied.stream().sorted().toList()"), "round " + round);
            assertEquals("[CANCELLED, CANCELLED, CANCELLED]",
                    execSuccess("Async.timeline().rows().stream().map(r -> r.outcome()).toList()"), "round " + round);
        }
    }

    @Test
    void interrupt_stops_a_sleep() throws Exception {
        assertEquals("KeyboardInterrupt", interruptWhileRunning(running("Thread.sleep(60_000);")).ename());
        assertEquals("2", execSuccess("1 + 1"));
    }

    @Test
    void interrupt_stops_a_blocking_wait() throws Exception {
        assertEquals("KeyboardInterrupt", interruptWhileRunning(running("new CountDownLatch(1).await();")).ename());
    }

    @Test
    void interrupt_reaches_threads_and_pool_tasks_the_cell_started() throws Exception {
        execSuccess("var stopped = new CountDownLatch(2);");
        String cell = """
                Runnable sleeper = () -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { stopped.countDown(); } };
                new Thread(sleeper).start();
                var pool = Executors.newFixedThreadPool(1);
                pool.submit(sleeper);
                { System.out.println("running"); Thread.sleep(60_000); }
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        assertEquals("true", execSuccess("stopped.await(5, TimeUnit.SECONDS)"));
    }

    @Test
    void a_pool_thread_that_reaches_its_stop_check_only_after_the_next_cell_started_still_stops() throws Exception {
        // each pass spends ~0.15 s in the JDK's sort, where JShell has put no stop check, so the thread reaches
        // its next check after the interrupt's cell has ended and the next one began. The sort is compiled first:
        // run by the interpreter while the JIT is busy (a whole suite in one JVM), a pass can outlast the second
        // the next cell grants the cell's threads, and the thread then runs on, as the next test shows
        execSuccess("var lateLoopEnded = new CountDownLatch(1); long[] unsorted = new Random(1).longs(1_500_000).toArray();"
                + "\nfor (int warm = 0; warm < 8; warm++) Arrays.sort(unsorted.clone());");
        String cell = """
                var latePool = Executors.newFixedThreadPool(1);
                latePool.submit(() -> { try { while (true) { Arrays.sort(unsorted.clone()); } } finally { lateLoopEnded.countDown(); } });
                { System.out.println("running"); Thread.sleep(60_000); }
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        assertEquals("true", execSuccess("lateLoopEnded.await(5, TimeUnit.SECONDS)"));
        execSuccess("latePool.shutdownNow();");
    }

    @Test
    void a_thread_of_the_cell_still_busy_in_library_code_is_named_in_the_next_cell() throws Exception {
        execSuccess("var spinRelease = new java.util.concurrent.atomic.AtomicBoolean(); var spinEnded = new CountDownLatch(1);");
        // the spin runs in the JDK's stream code and method references only: no snippet code, no stop check
        String cell = """
                new Thread(() -> { Stream.generate(spinRelease::get).anyMatch(Boolean::booleanValue); spinEnded.countDown(); },
                        "library-spinner").start();
                { System.out.println("running"); Thread.sleep(60_000); }
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        var next = new RecordingOutput(false);
        assertTrue(exec("1 + 1", next) instanceof ExecuteOutcome.Ok, next.stderr());
        assertTrue(next.stderr().contains("\"library-spinner\") did not stop"), next.stderr());
        assertEquals("false", execSuccess("spinEnded.await(0, TimeUnit.SECONDS)"));
        execSuccess("spinRelease.set(true);");
        assertEquals("true", execSuccess("spinEnded.await(5, TimeUnit.SECONDS)"));
    }

    @Test
    void a_cell_whose_threads_all_stopped_warns_of_none() throws Exception {
        execSuccess("var quietStopped = new CountDownLatch(1);");
        String cell = """
                new Thread(() -> { try { while (true) { Thread.onSpinWait(); } } finally { quietStopped.countDown(); } }).start();
                { System.out.println("running"); Thread.sleep(60_000); }
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        var next = new RecordingOutput(false);
        assertTrue(exec("quietStopped.await(5, TimeUnit.SECONDS)", next) instanceof ExecuteOutcome.Ok, next.stderr());
        assertEquals("", next.stderr());
    }

    @Test
    void a_thread_the_snippet_starts_at_once_does_not_hold_up_the_cell() throws Exception {
        // JShell starts the snippet thread, then lists its thread group and joins every thread it lists. When
        // busy cores keep the engine thread from running in between, a thread the snippet starts straight away is
        // listed too, and the cell waits for it to end, unless the snippet first waits for the listing. The test
        // keeps every core busy twice over; without that wait, 3 of 4 runs of this test hung
        var spinning = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            spinners.add(Thread.ofPlatform().daemon().start(() -> {
                while (spinning.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        var held = new CountDownLatch(1);
        System.getProperties().put("jawait.test.held", held);
        try {
            execSuccess("var heldThreads = (CountDownLatch) System.getProperties().get(\"jawait.test.held\");");
            for (int i = 0; i < 100; i++) {
                var cell = CompletableFuture.supplyAsync(() -> exec(
                        "new Thread(() -> { try { heldThreads.await(); } catch (InterruptedException e) {} }).start();",
                        new RecordingOutput(false)));
                assertTrue(cell.get(10, TimeUnit.SECONDS) instanceof ExecuteOutcome.Ok, "cell " + i);
            }
        } finally {
            spinning.set(false);
            held.countDown();
            for (Thread t : spinners) {
                t.join();
            }
        }
    }

    @Test
    void interrupt_reaches_virtual_threads_the_cell_started() throws Exception {
        execSuccess("var virtualStopped = new CountDownLatch(3);");
        String cell = """
                Runnable waiter = () -> { try { new CountDownLatch(1).await(); } catch (InterruptedException e) { virtualStopped.countDown(); } };
                Thread.ofVirtual().start(waiter);
                Thread.startVirtualThread(waiter);
                Thread.ofVirtual().unstarted(waiter).start();
                { System.out.println("running"); Thread.sleep(60_000); }
                """;
        assertEquals("KeyboardInterrupt", interruptWhileRunning(cell).ename());
        assertEquals("true", execSuccess("virtualStopped.await(5, TimeUnit.SECONDS)"));
    }

    @Test
    void a_wait_inside_library_code_that_ignores_interrupts_is_reported_as_unstoppable() throws Exception {
        // the holder waits in library code only: JShell's stop would end any thread running snippet code
        execSuccess("""
                var held = new java.util.concurrent.locks.ReentrantLock();
                var taken = new CountDownLatch(1);
                var release = new CountDownLatch(1);
                System.getProperties().put("jawait.test.release", release);
                new Thread(() -> {
                    held.lock();
                    taken.countDown();
                    try { release.await(); } catch (InterruptedException e) {}
                    held.unlock();
                }).start();
                taken.await();
                """);
        // ReentrantLock.lock() ignores interrupts and runs no snippet code, so JShell's stop cannot end it
        var e = interruptWhileRunning(running("held.lock();"));
        assertTrue(e.evalue().contains("library code"), traceback(e));
        assertEquals("EngineBusy", execError("1 + 1").ename());
        ((CountDownLatch) System.getProperties().get("jawait.test.release")).countDown();
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

    /** Every platform thread's stack with the locks it holds and waits for: where a stuck cell waits. */
    private static String threadDump() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var dump = new StringBuilder("thread dump (deadlocked: ")
                .append(java.util.Arrays.toString(threads.findDeadlockedThreads())).append("):\n");
        for (var info : threads.dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName()).append(" held by ").append(info.getLockOwnerName());
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    static void awaitOutput(RecordingOutput out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!out.stdout().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cell never printed " + text + "; System.out is " + System.out.getClass()
                        + " stdout [" + out.stdout() + "] stderr [" + out.stderr() + "]\n" + threadDump());
            }
            Thread.sleep(5);
        }
    }
}
