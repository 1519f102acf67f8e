package io.jawait.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
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
public final class Task<T> implements Awaitable<T> {
    // one factory for every task: Thread.ofVirtual() makes a builder object per call
    private static final ThreadFactory THREADS = Thread.ofVirtual().factory();
    private static final Object NIL = new Object();
    private static final VarHandle FUTURE;
    final Loop loop;
    final Span span;
    private final Coro<T> coro;
    private final String name;
    // The outcome lives in `state` (null while running, NIL for a null value, a Failure, or the value); a future
    // is made only for those who wait on this one task (await, callbacks, toFuture): gather and the run read
    // `state`, so most tasks never make one (24 bytes and a completion a task).
    private volatile Object state;
    private volatile CompletableFuture<T> future;
    private final boolean looped;
    private volatile boolean go;
    private volatile boolean cancelRequested;
    private volatile boolean retrieved;
    private volatile Thread thread;
    private volatile Wake wake;
    private final Joiner joiner;
    // VIRTUAL sleep puts the task itself on the clock (no timer object): alarm number `sleeps` is awaited, and
    // `rung` is the last one settled, rung by the clock or withdrawn. Only the task's own thread writes `sleeps`.
    private int sleeps;
    private volatile int rung;
    Task<?> older;

    static {
        try {
            FUTURE = MethodHandles.lookup().findVarHandle(Task.class, "future", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Task(Loop loop, Coro<T> coro, String name, Joiner joiner) {
        coro.claim();
        this.loop = loop;
        this.coro = coro;
        this.name = name;
        this.joiner = joiner;
        this.span = new Span(loop.now());
        this.looped = loop.mode == Mode.LOOP;
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
        cancelRequested = true;
        if (!looped) {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        } else {
            Wake w = wake;
            if (w != null) {
                w.fire(this);
            }
        }
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

    /** Runs {@code callback} with this task when it finishes, at once if it already has. */
    public void addDoneCallback(Consumer<Task<T>> callback) {
        future().whenComplete((v, e) -> callback.accept(this));
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

    /** Starts the task's thread (VIRTUAL at once; LOOP when it first gets the baton). */
    void start() {
        // assigned before starting, so a resume() racing with the new thread's first suspension sees it
        Thread th = THREADS.newThread(this::execute);
        thread = th;
        th.start();
    }

    /** LOOP: this task now holds the baton. */
    void resume() {
        if (thread == null) {
            start();
        } else {
            // a flag and park/unpark, not a Semaphore: measured, about 100 bytes less per waiting LOOP task
            go = true;
            LockSupport.unpark(thread);
        }
    }

    // One frame from the thread's entry to the body (no separate runBody): every frame below a park point is
    // copied into the parked thread's stack chunk, which is most of a sleeping task's memory.
    private void execute() {
        Thread me = Thread.currentThread();
        Loop.CURRENT.put(me, this);
        loop.resumed(this);
        T value = null;
        Throwable failure = null;
        try {
            if (cancelRequested) {
                throw new CancelledError();
            }
            value = coro.call();
        } catch (InterruptedException e) {
            failure = cancelRequested ? new CancelledError() : e;
        } catch (Throwable e) {
            failure = e;
        }
        try {
            finish(value, failure);
        } finally {
            Loop.CURRENT.remove(me);
        }
    }

    private void finish(T value, Throwable failure) {
        loop.suspended(this);
        span.finish(loop.now());
        state = failure != null ? new Failure(failure) : value == null ? NIL : value;
        CompletableFuture<T> f = future;
        if (f != null) {
            complete(f);
        }
        if (joiner != null) {
            joiner.joined(this);
        }
        loop.finished(this);
    }

    /**
     * Suspends this task, which must be the current one, until {@code f} completes or the task is cancelled.
     *
     * @throws CancelledError if cancellation arrived before or during the wait
     */
    void suspend(CompletableFuture<?> f) {
        deliverCancel();
        loop.suspended(this);
        try {
            if (!looped) {
                waitVirtual(f);
            } else {
                waitForBaton(f);
            }
        } finally {
            loop.resumed(this);
        }
        deliverCancel();
    }

    /** {@code sleep} in LOOP mode, and {@code sleep(0)} in either: the task waits its turn like any suspension. */
    void sleepSuspended(long nanos) {
        if (nanos == 0) {
            if (!looped) {
                Thread.yield();
            }
            suspend(Suspend.DONE);
            return;
        }
        Timers.Timer timer = Timers.after(nanos);
        try {
            suspend(timer);
        } finally {
            timer.disarm();
        }
    }

    /** VIRTUAL: sets this task's (the current one's) next alarm {@code nanos} from now; returns its number. */
    int armAlarm(long nanos) {
        int stamp = ++sleeps == 0 ? ++sleeps : sleeps;
        Timers.ring(this, stamp, System.nanoTime() + nanos);
        return stamp;
    }

    boolean alarmRung(int stamp) {
        return rung == stamp;
    }

    /** Whether the task still sleeps on alarm {@code stamp}: one withdrawn or rung need not stay on the clock. */
    boolean awaitsAlarm(int stamp) {
        return sleeps == stamp && rung != stamp;
    }

    /** Gives up alarm {@code stamp} (the sleep was interrupted), so the clock can sweep it away. */
    void withdrawAlarm(int stamp) {
        if (rung != stamp) {
            rung = stamp;
            Timers.withdrawn();
        }
    }

    /** Called by the clock thread when alarm {@code stamp} is due. */
    void alarm(int stamp) {
        rung = stamp;
        if (sleeps == stamp) {
            LockSupport.unpark(thread);
        }
    }

    /** VIRTUAL, before this task (the current one) parks: a pending cancel arrives now, and the clock marks it waiting. */
    void beginWait() {
        deliverCancel();
        loop.suspended(this);
    }

    /** VIRTUAL, after this task's park: marks it running, then delivers a cancel that arrived meanwhile. */
    void endWait(boolean interrupted) {
        if (interrupted) {
            cancelRequested = true;
        }
        loop.resumed(this);
        deliverCancel();
    }

    private void waitVirtual(CompletableFuture<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            // an interrupt from outside the helpers (the kernel's interrupt, say) counts as a cancel
            cancelRequested = true;
        } catch (Exception ignored) {
            // the caller reads the outcome from f itself
        }
    }

    private void waitForBaton(CompletableFuture<?> f) {
        Wake w = new Wake();
        wake = w;
        f.whenComplete((v, e) -> w.fire(this));
        if (cancelRequested) {
            w.fire(this);
        }
        loop.baton.pass();
        boolean interrupted = false;
        while (!go) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        go = false;
        wake = null;
        if (interrupted) {
            cancelRequested = true;
        }
    }

    private void deliverCancel() {
        if (cancelRequested) {
            cancelRequested = false;
            Thread.interrupted();
            throw new CancelledError();
        }
    }

    /** Withdraws a cancellation that has not arrived yet (used by {@link Async#withTimeout}). */
    void uncancel() {
        cancelRequested = false;
        if (Thread.currentThread() == thread) {
            Thread.interrupted();
        }
    }

    Thread thread() {
        return thread;
    }

    /** One suspension's wake-up: whichever of completion or cancellation comes first queues the task. */
    private static final class Wake extends java.util.concurrent.atomic.AtomicBoolean {
        void fire(Task<?> t) {
            if (compareAndSet(false, true)) {
                t.loop.baton.enqueue(t);
            }
        }
    }
}
