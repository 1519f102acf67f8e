package io.jawait.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that touches JShell. Cells run here so that the shell thread can hand back an answer after an
 * interrupt even when the cell cannot be stopped, and so that every thread a cell starts inherits that cell's
 * output from a thread that belongs to it.
 */
final class EngineThread {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jawait-engine");
        t.setDaemon(true);
        return t;
    });

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /**
     * Queues {@code task} unless the engine has been shut down, when it is dropped: for work a timer queues (the
     * deferred start-up), whose timer may fire after {@link #shutdown}. The notebook runner shuts one notebook's
     * engine down and starts the next one's in the same JVM, and a rejection would fail on the timer's thread.
     */
    void submitUnlessShutDown(Callable<?> task) {
        try {
            executor.submit(task);
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                throw e;
            }
        }
    }

    /** Runs {@code task} and waits for it; for short JShell queries (completion, inspection). */
    <T> T call(Callable<T> task) throws Exception {
        try {
            return submit(task).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
    }

    /** Waits up to {@code millis} for {@code f}; false when it is still running. */
    static boolean await(Future<?> f, long millis) throws Exception {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
