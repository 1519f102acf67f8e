package io.jawait.engine;

import io.jawait.display.CellOutput;
import io.jawait.display.CurrentOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The threads that cell code started itself, each tagged with the output of the cell that started it, so an
 * interrupt reaches virtual threads too: they belong to no thread group an interrupt could walk.
 *
 * <p>Snippet bytecode calls these methods in place of {@code Thread.start()}, {@code Thread.Builder.start(r)}
 * and {@code Thread.startVirtualThread(r)} (see {@link ThreadStartRewriter}); public only for that.
 * Threads are held weakly: a finished thread is forgotten with its last reference.
 */
public final class CellThreads {
    private static final Map<Thread, CellOutput> STARTED = new WeakHashMap<>();

    private CellThreads() {}

    /** Replaces {@code thread.start()}. */
    public static void start(Thread thread) {
        tag(thread);
        thread.start();
    }

    /** Replaces {@code builder.start(task)}. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        Thread thread = builder.unstarted(task);
        start(thread);
        return thread;
    }

    /** Replaces {@code Thread.startVirtualThread(task)}. */
    public static Thread startVirtualThread(Runnable task) {
        return start(Thread.ofVirtual(), task);
    }

    private static void tag(Thread thread) {
        // a virtual thread belongs to no group of the cell's: its uncaught exception is reported as one of the
        // cell's platform threads is (a thread's handler is its group until one is set)
        if (cellHandler(Thread.currentThread()) instanceof KernelExecutionControl.CallGroup group
                && thread.getUncaughtExceptionHandler() == thread.getThreadGroup() && thread.getThreadGroup() != group) {
            thread.setUncaughtExceptionHandler(group);
        }
        CellOutput cell = CurrentOutput.find();
        if (cell != null) {
            synchronized (STARTED) {
                STARTED.put(thread, cell);
            }
        }
    }

    /**
     * The uncaught-exception handler that stands for {@code thread}'s cell: its own, or, on a task's thread of the
     * await helpers, where the task keeps its own handler, the one of the thread that called {@code run}, which the
     * task hands on as a {@code Supplier}.
     */
    private static Thread.UncaughtExceptionHandler cellHandler(Thread thread) {
        Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
        return handler instanceof Supplier<?> task && task.get() instanceof Thread.UncaughtExceptionHandler caller
                ? caller : handler;
    }

    /** Interrupts every live thread that code of {@code cell} started. */
    static void interruptAll(CellOutput cell) {
        List<Thread> targets = new ArrayList<>();
        synchronized (STARTED) {
            STARTED.forEach((thread, owner) -> {
                if (owner == cell && thread.isAlive()) {
                    targets.add(thread);
                }
            });
        }
        targets.forEach(Thread::interrupt);
    }
}
