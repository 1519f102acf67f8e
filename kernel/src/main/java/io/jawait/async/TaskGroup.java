package io.jawait.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tasks that finish together: {@code close()} waits for all of them, and the first failure cancels the
 * rest: asyncio's {@code TaskGroup}.
 *
 * {@snippet :
 * Async.run(Async.async(() -> {
 *     try (TaskGroup tg = Async.taskGroup()) {
 *         tg.createTask(Async.async(() -> Async.sleep(0.1)));
 *         tg.createTask(Async.async(() -> Async.sleep(0.2)));
 *     } // both done here
 * }));
 * }
 *
 * <p><b>Cancellation.</b> When a task of the group fails, the group cancels its other tasks. Unlike asyncio,
 * the body of the {@code try} is not cancelled: Java would then report the body's {@link CancelledError} and
 * hide the group's failures as suppressed exceptions. If the task running {@code close()} is cancelled,
 * the group cancels its tasks, waits for them, and rethrows the {@link CancelledError}.
 *
 * <p><b>The body's own exception.</b> {@code close()} cannot see an exception the body of the {@code try}
 * throws: the group's tasks run on until they end, and Java then adds the group's failures to the body's
 * exception as suppressed ones. {@link Async#taskGroup(Body)} runs the body itself and does what asyncio does:
 * the body's exception cancels the tasks, and comes last in the {@link ExceptionGroup}.
 *
 * <p><b>Exceptions.</b> {@code close()} throws an {@link ExceptionGroup} holding every failure other than
 * cancellation, in the order they happened.
 *
 * <p><b>Threads.</b> Create a group and its tasks from one task; the group is used by that task only.
 */
public final class TaskGroup implements AutoCloseable {
    /** The body of {@link Async#taskGroup(Body)}: what runs inside {@code async with TaskGroup() as tg}. */
    @FunctionalInterface
    public interface Body {
        void run(TaskGroup tg) throws Exception;
    }

    private final Loop loop;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Task<?>> tasks = new ArrayList<>();
    // completed once finished() has run for the task, not when the task's own future completes: a future runs
    // its dependents newest first, so close() waiting on the tasks' futures woke before their failures were
    // recorded and returned as if none had failed (VIRTUAL mode, 1 group in 3 with one failing child)
    private final List<CompletableFuture<?>> settled = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean closed;

    TaskGroup(Loop loop) {
        this.loop = loop;
    }

    /**
     * Schedules {@code coro} as a task of this group.
     *
     * @throws IllegalStateException if the group is closed, or after one of its tasks failed
     */
    public <T> Task<T> createTask(Coro<T> coro) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("TaskGroup is closed");
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("TaskGroup is shutting down after a failure");
            }
            Task<T> t = loop.spawn(coro, coro.name());
            tasks.add(t);
            // in LOOP mode a later callback, as asyncio's: a task failing in the same loop step is not cancelled
            CompletableFuture<Void> done = new CompletableFuture<>();
            t.future().whenComplete((v, e) -> loop.callSoon(() -> {
                try {
                    finished(t);
                } finally {
                    done.complete(null);
                }
            }));
            settled.add(done);
            return t;
        } finally {
            lock.unlock();
        }
    }

    private void finished(Task<?> t) {
        t.markRetrieved();
        Throwable e = t.outcome();
        if (e == null || e instanceof CancelledError) {
            return;
        }
        List<Task<?>> others;
        lock.lock();
        try {
            failures.add(e);
            others = List.copyOf(tasks);
        } finally {
            lock.unlock();
        }
        others.forEach(Task::cancel);
    }

    /**
     * Waits for every task of the group.
     *
     * @throws ExceptionGroup if any task failed
     * @throws CancelledError if the waiting task was cancelled
     */
    @Override
    public void close() {
        end(null);
    }

    /** Runs {@code body} with this group, then waits for its tasks: {@link Async#taskGroup(Body)}. */
    void run(Body body) {
        Throwable thrown = null;
        try {
            body.run(this);
        } catch (Throwable t) {
            thrown = t;
        }
        end(thrown);
    }

    /**
     * Waits for every task, having cancelled them first if the body threw {@code body}; throws the failures,
     * with the body's last, or else the body's cancellation.
     */
    private void end(Throwable body) {
        List<Task<?>> mine;
        CompletableFuture<Void> all;
        lock.lock();
        try {
            closed = true;
            mine = List.copyOf(tasks);
            all = CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
        } finally {
            lock.unlock();
        }
        if (body != null) {
            mine.forEach(Task::cancel);
        }
        try {
            Suspend.await(all, () -> mine.forEach(Task::cancel));
        } catch (CancelledError e) {
            Suspend.await(all, () -> { });
            throw e;
        }
        List<Throwable> errors;
        lock.lock();
        try {
            errors = new ArrayList<>(failures);
        } finally {
            lock.unlock();
        }
        if (body != null && !(body instanceof CancelledError)) {
            errors.add(body);
        }
        if (!errors.isEmpty()) {
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
        if (body != null) {
            throw Async.sneaky(body);
        }
    }
}
