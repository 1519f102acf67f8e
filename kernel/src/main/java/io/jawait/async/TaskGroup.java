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
 * <p><b>Exceptions.</b> {@code close()} throws an {@link ExceptionGroup} holding every failure other than
 * cancellation, in the order they happened.
 *
 * <p><b>Threads.</b> Create a group and its tasks from one task; the group is used by that task only.
 */
public final class TaskGroup implements AutoCloseable {
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
            settled.add(t.future().whenComplete((v, e) -> finished(t)));
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
        try {
            Suspend.await(all, () -> mine.forEach(Task::cancel));
        } catch (CancelledError e) {
            Suspend.await(all, () -> { });
            throw e;
        }
        lock.lock();
        try {
            if (!failures.isEmpty()) {
                throw new ExceptionGroup("unhandled errors in a TaskGroup", failures);
            }
        } finally {
            lock.unlock();
        }
    }
}
