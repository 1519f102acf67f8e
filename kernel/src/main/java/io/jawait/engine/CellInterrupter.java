package io.jawait.engine;

import java.lang.reflect.Method;
import jdk.jshell.JShell;

/**
 * Stops the running cell and what it started: JShell's stop (which ends busy loops in snippet code and
 * interrupts its snippet thread), with its stop flag raised also while no snippet runs; an interrupt for every
 * platform thread born in the cell's thread groups (thread pools included) and for every thread the cell's code
 * started itself (virtual ones included); and the await helpers' own cancellation of the tasks they run.
 *
 * <p>While an await helper run is in progress, the first request only cancels its tasks, as asyncio.run does on
 * Ctrl-C: their cleanup then runs as written, where JShell's stop flag would throw at the first call of cell
 * code in it, and the cell thread is not interrupted while it waits for the run to end. Everything else is
 * stopped by a second request, or once {@link #GRACE_NANOS} have passed and the cell still runs.
 */
final class CellInterrupter {
    private static final String ASYNC_CANCEL_HOOK = "io.jawait.async.Async";
    static final long GRACE_NANOS = 500_000_000L;

    private final JShell shell;
    private final SnippetRuns runs;
    private final KernelExecutionControl control;
    private int requests;
    private long graceEnds;

    /** @param control the execution control JShell runs snippets with, or null when it is not the kernel's */
    CellInterrupter(JShell shell, SnippetRuns runs, KernelExecutionControl control) {
        this.shell = shell;
        this.runs = runs;
        this.control = control;
    }

    /** A new cell starts: its first interrupt request is a first again. */
    synchronized void reset() {
        requests = 0;
        graceEnds = 0;
    }

    /** The user asked to stop the cell whose output is {@code cell}. */
    synchronized void request(io.jawait.display.CellOutput cell) {
        requests++;
        if (requests == 1 && cancelAsyncRuns() > 0) {
            graceEnds = System.nanoTime() + GRACE_NANOS;
            return;
        }
        graceEnds = 0;
        stopAll(cell);
    }

    /**
     * The cell still runs after a request: stops it again (JShell's stop does nothing while a snippet compiles),
     * unless await helper tasks are still within their time to end cancelled.
     */
    synchronized void repeat(io.jawait.display.CellOutput cell) {
        if (graceEnds != 0 && System.nanoTime() - graceEnds < 0) {
            return;
        }
        stopAll(cell);
    }

    private void stopAll(io.jawait.display.CellOutput cell) {
        shell.stop();
        if (control != null) {
            control.raiseStop();
        }
        runs.stopping();
        for (ThreadGroup group : runs.groups()) {
            KernelExecutionControl.interruptAll(group);
        }
        CellThreads.interruptAll(cell);
        cancelAsyncRuns();
    }

    /**
     * Calls {@code io.jawait.async.Async.cancelAllRuns()} when the await helpers are on the class path, and says
     * how many runs it cancelled.
     * Looked up reflectively so the engine neither depends on the async package nor breaks without it.
     */
    private static int cancelAsyncRuns() {
        try {
            Method hook = Class.forName(ASYNC_CANCEL_HOOK).getMethod("cancelAllRuns");
            return (Integer) hook.invoke(null);
        } catch (ReflectiveOperationException | LinkageError absent) {
            // the await helpers are not there, or have no such hook: nothing of theirs to cancel
            return 0;
        }
    }
}
