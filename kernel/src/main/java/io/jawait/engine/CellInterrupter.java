package io.jawait.engine;

import java.lang.reflect.Method;
import jdk.jshell.JShell;

/**
 * Stops the running cell and what it started: JShell's stop (which ends busy loops in snippet code and
 * interrupts its snippet thread), with its stop flag raised also while no snippet runs; an interrupt for every
 * platform thread born in the cell's thread groups (thread pools included) and for every thread the cell's code
 * started itself (virtual ones included); and the await helpers' own cancellation of the tasks they run.
 */
final class CellInterrupter {
    private static final String ASYNC_CANCEL_HOOK = "io.jawait.async.Async";

    private final JShell shell;
    private final SnippetRuns runs;
    private final KernelExecutionControl control;

    /** @param control the execution control JShell runs snippets with, or null when it is not the kernel's */
    CellInterrupter(JShell shell, SnippetRuns runs, KernelExecutionControl control) {
        this.shell = shell;
        this.runs = runs;
        this.control = control;
    }

    /** Stops the cell whose output is {@code cell}. */
    void interrupt(io.jawait.display.CellOutput cell) {
        shell.stop();
        if (control != null) {
            control.raiseStop();
        }
        runs.stopping();
        for (ThreadGroup group : runs.groups()) {
            interruptAll(group);
        }
        CellThreads.interruptAll(cell);
        cancelAsyncRuns();
    }

    private static void interruptAll(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            threads[i].interrupt();
        }
    }

    /**
     * Calls {@code io.jawait.async.Async.cancelAllRuns()} when the await helpers are on the class path.
     * Looked up reflectively so the engine neither depends on the async package nor breaks without it.
     */
    private static void cancelAsyncRuns() {
        try {
            Method hook = Class.forName(ASYNC_CANCEL_HOOK).getMethod("cancelAllRuns");
            hook.invoke(null);
        } catch (ReflectiveOperationException | LinkageError absent) {
            // the await helpers are not there, or have no such hook: nothing of theirs to cancel
        }
    }
}
