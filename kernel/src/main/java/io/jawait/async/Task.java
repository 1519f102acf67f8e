package io.jawait.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A coroutine scheduled to run concurrently with its creator, made by {@link Async#createTask}: asyncio's
 * {@code Task}.
 *
 * {@snippet :
 * Async.run(Async.async(() -> {
 *     Task<String> t = Async.createTask(Async.async(() -> { Async.sleep(0.1); return "done"; }));
 *     System.out.println(t.done());      // false
 *     System.out.println(Async.await(t)); // done
 * }));
 * }
 *
 * <p><b>Cancellation.</b> {@link #cancel()} asks the task to stop. In {@link Mode#LOOP} the request arrives
 * as a {@link CancelledError} at the task's next suspension point, as in asyncio; in {@link Mode#VIRTUAL} the
 * task's virtual thread is also interrupted, so {@code Thread.sleep} and blocking I/O stop too. A CPU loop
 * that never suspends (nor checks {@code Thread.interrupted()}) cannot be cancelled in either mode.
 *
 * <p><b>Exceptions.</b> A task that fails keeps its exception; {@code await}, {@link #result()} and
 * {@link #exception()} hand out the original. A failure nobody asked for is reported when its {@code run}
 * ends ("Task exception was never retrieved").
 *
 * <p><b>Threads.</b> Every task runs on its own virtual thread. The methods here may be called from any
 * thread.
 */
public final class Task<T> extends Execution<T> implements Awaitable<T> {
    private static final Object NIL = new Object();
    // The callbacks of tasks not finished yet, in the order added; finish() runs them before it completes the
    // future (whose dependents would run newest first). Few tasks have any: a side table costs them nothing,
    // where a field would cost every task (gather makes 100,000).
    private static final Map<Task<?>, List<Consumer<Task<?>>>> CALLBACKS = new IdentityHashMap<>();
    private static final VarHandle FUTURE;
    private final String name;
    // The outcome lives in `state` (null while running, NIL for a null value, a Failure, or the value); a future
    // is made only for those who wait on this one task (await, callbacks, toFuture): gather and the run read
    // `state`, so most tasks never make one (24 bytes and a completion a task).
    private volatile Object state;
    private volatile CompletableFuture<T> future;
    private volatile boolean retrieved;
    private final Joiner joiner;
    Task<?> older;
    // this task's place in its run's creation order (the task made before it has index - 1), so the end of a run
    // puts the list into an array in one walk, without collecting it first; it fills the object's padding
    int index;

    static {
        try {
            FUTURE = MethodHandles.lookup().findVarHandle(Task.class, "future", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Task(Loop loop, Coro<T> coro, String name, Joiner joiner) {
        super(loop, claimed(coro));
        this.name = name;
        this.joiner = joiner;
    }

    private static <T> Coro<T> claimed(Coro<T> coro) {
        coro.claim();
        return coro;
    }

    /**
     * Told once a task has finished, after its future: how gather counts its children without a dependent
     * future, a callback and a lambda per child (measured: about 100 bytes a task).
     */
    interface Joiner {
        void joined(Task<?> t);
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether the task has finished: returned, failed or been cancelled. */
    public boolean done() {
        return state != null;
    }

    /** Whether the task finished by being cancelled. */
    public boolean cancelled() {
        return outcome() instanceof CancelledError;
    }

    /**
     * Asks the task to stop; see the class description for when the request arrives.
     *
     * @return false if the task had already finished, true if the request was made
     */
    public boolean cancel() {
        if (done()) {
            return false;
        }
        requestCancel();
        return true;
    }

    /**
     * The task's value. If the task failed, its own exception is thrown, unwrapped, even a checked one that
     * this method does not declare (catch {@code Exception} to handle it).
     *
     * @throws InvalidStateError if the task has not finished
     * @throws CancelledError if the task was cancelled
     */
    public T result() {
        requireDone();
        retrieved = true;
        Throwable e = outcome();
        if (e != null) {
            throw Async.sneaky(e);
        }
        return valueNow();
    }

    /**
     * The exception the task failed with, or null if it returned normally.
     *
     * @throws InvalidStateError if the task has not finished
     * @throws CancelledError if the task was cancelled
     */
    public Throwable exception() {
        requireDone();
        retrieved = true;
        Throwable e = outcome();
        if (e instanceof CancelledError c) {
            throw c;
        }
        return e;
    }

    /**
     * Runs {@code callback} with this task when it finishes, at once if it already has. A task's callbacks run in
     * the order they were added, as asyncio's do, and all of them before anything awaiting the task resumes; they
     * run on the thread that finished the task. A callback that throws is reported on standard error, as asyncio's
     * loop reports it ("Exception in callback"), and the others still run.
     */
    public void addDoneCallback(Consumer<Task<T>> callback) {
        @SuppressWarnings("unchecked")
        Consumer<Task<?>> any = (Consumer<Task<?>>) (Consumer<?>) callback;
        // made first, so a finish() that has not seen this callback sees the future and looks in the table
        future();
        synchronized (CALLBACKS) {
            // while finish() is still running earlier callbacks, this one queues behind them
            List<Consumer<Task<?>>> waiting = CALLBACKS.get(this);
            if (waiting == null && state == null) {
                waiting = new ArrayList<>();
                CALLBACKS.put(this, waiting);
            }
            if (waiting != null) {
                waiting.add(any);
                return;
            }
        }
        runCallbacks(List.of(any));
    }

    // Runs the waiting callbacks, and those added while they run, until none is left.
    private void drainCallbacks() {
        while (true) {
            List<Consumer<Task<?>>> due;
            synchronized (CALLBACKS) {
                due = CALLBACKS.get(this);
                if (due == null || due.isEmpty()) {
                    CALLBACKS.remove(this);
                    return;
                }
                CALLBACKS.put(this, new ArrayList<>());
            }
            runCallbacks(due);
        }
    }

    private void runCallbacks(List<Consumer<Task<?>>> due) {
        for (Consumer<Task<?>> callback : due) {
            try {
                callback.accept(this);
            } catch (Throwable e) {
                System.err.println("Exception in callback of " + this + ":");
                e.printStackTrace();
            }
        }
    }

    /** A future completed with this task's outcome; cancelling the future does not cancel the task. */
    public CompletableFuture<T> toFuture() {
        retrieved = true;
        return future().copy();
    }

    @Override
    public String toString() {
        if (!done()) {
            return "<Task " + name + " pending>";
        }
        if (cancelled()) {
            return "<Task " + name + " cancelled>";
        }
        Throwable e = outcome();
        return e == null ? "<Task " + name + " done result=" + valueNow() + ">"
                : "<Task " + name + " failed " + e + ">";
    }

    boolean retrieved() {
        return retrieved;
    }

    void markRetrieved() {
        retrieved = true;
    }

    /** The failure this task finished with, unwrapped, or null. */
    Throwable outcome() {
        return state instanceof Failure f ? f.cause() : null;
    }

    /** The value this task returned, or null if it has not (yet) returned one. */
    @SuppressWarnings("unchecked")
    T valueNow() {
        Object s = state;
        return s == null || s == NIL || s instanceof Failure ? null : (T) s;
    }

    /** A future completed with this task's outcome, made on first request. */
    @SuppressWarnings("unchecked")
    CompletableFuture<T> future() {
        CompletableFuture<T> f = future;
        if (f == null) {
            CompletableFuture<T> made = new CompletableFuture<>();
            f = FUTURE.compareAndExchange(this, null, made) instanceof CompletableFuture<?> won
                    ? (CompletableFuture<T>) won : made;
            // finish() may have read `future` before it was set: whoever sees both completes it
            complete(f);
        }
        return f;
    }

    private void complete(CompletableFuture<T> f) {
        Object s = state;
        if (s instanceof Failure x) {
            f.completeExceptionally(x.cause());
        } else if (s != null) {
            f.complete(valueNow());
        }
    }

    private record Failure(Throwable cause) {
    }

    private void requireDone() {
        if (!done()) {
            throw new InvalidStateError("Result is not set: task " + name + " has not finished");
        }
    }

    @Override
    void finish(T value, Throwable failure) {
        if (loop.tracer != null) {
            loop.tracer.finished(this);
        }
        loop.suspended(this);
        end(loop.now());
        state = failure != null ? new Failure(failure) : value == null ? NIL : value;
        CompletableFuture<T> f = future;
        if (f != null) {
            // callbacks before the awaiters wake, as in asyncio, where the awaiter's wake-up is a later callback
            drainCallbacks();
            complete(f);
        }
        if (joiner != null) {
            joiner.joined(this);
        }
        loop.finished(this);
    }
}
