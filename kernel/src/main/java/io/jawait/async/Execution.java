package io.jawait.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a {@link Task} runs: its virtual thread, the body it runs there, and how it waits at the helpers' suspension
 * points in either mode (parked on a future or an alarm in VIRTUAL, handing the baton on in LOOP) and learns of
 * its cancellation. The task's public face and its outcome are {@link Task}'s; this half is the part the helpers
 * call from the task's own thread.
 *
 * <p>A superclass rather than an object the task holds: a sleeping task is then one object, not two.
 */
abstract sealed class Execution<T> extends Span permits Task {
    // one factory for every task: Thread.ofVirtual() makes a builder object per call
    private static final ThreadFactory THREADS = Thread.ofVirtual().factory();
    final Loop loop;
    private final Coro<T> coro;
    private final boolean looped;
    private volatile boolean go;
    private volatile boolean cancelRequested;
    private volatile Thread thread;
    // LOOP: what the suspended task waits for (a future, or Baton.CLOCK), null while it runs or is ready; guarded
    // by the baton's lock, so a completion, the clock and a cancel racing to wake it agree on who does
    Object waitingFor;
    // sleep puts the task itself on the clock (no timer object): alarm number `sleeps` is awaited, and `rung` is
    // the last one settled, rung by the clock or withdrawn. Only the task's own thread writes `sleeps`.
    private int sleeps;
    private volatile int rung;

    Execution(Loop loop, Coro<T> coro) {
        super(loop.now());
        this.loop = loop;
        this.coro = coro;
        this.looped = loop.mode == Mode.LOOP;
    }

    /** Records the outcome once the body has returned or thrown, on the task's own thread. */
    abstract void finish(T value, Throwable failure);

    @SuppressWarnings("unchecked")
    private Task<T> self() {
        return (Task<T>) this;
    }

    /** Asks the running task to stop: interrupts its thread (VIRTUAL) or wakes it at its suspension (LOOP). */
    void requestCancel() {
        cancelRequested = true;
        if (!looped) {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        } else {
            loop.baton.wake(self());
        }
    }

    /** Starts the task's thread (VIRTUAL at once; LOOP when it first gets the baton). */
    void start() {
        Entry entry = new Entry(self());
        Thread th = THREADS.newThread(entry);
        th.setUncaughtExceptionHandler(entry);
        // assigned before starting, so a resume() racing with the new thread's first suspension sees it
        thread = th;
        th.start();
    }

    /** The task whose thread this is, or null for a thread no task runs on (see {@link Entry}). */
    static Task<?> of(Thread thread) {
        return thread.getUncaughtExceptionHandler() instanceof Entry e ? e.task : null;
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

    /**
     * What a task's thread runs, and how the helpers find the task from its thread: the entry is also the thread's
     * uncaught-exception handler, a field every thread has. A map from thread to task cost each task a 24-byte node
     * and up to 10 bytes of the map's table; it was looked up at the start of every task and in every helper, and
     * written twice per task, from both carriers at once: the map's contended and resizing paths, met in the middle
     * of a large run, deoptimised the compiled frames tasks park in (-Xlog:deoptimization). The entry is 16 bytes,
     * and finding it is two field reads.
     *
     * <p>Code that replaces its thread's handler inside a task ({@code Thread.setUncaughtExceptionHandler}) leaves
     * its run as far as the helpers can tell, as if it ran on a thread of its own.
     *
     * <p>The handler that the entry takes the place of is the one of the thread that called {@code run}
     * ({@link Loop#caller}). The entry hands it on: what escapes the task's own handling goes to it, and {@link
     * #get} gives it to whoever asks, as the kernel does for a thread that the task's code starts, which then
     * reports its own uncaught exception as a thread started directly by the cell does, with the cell's lines.
     * A {@code Supplier}, a JDK type, because the kernel runs without these helpers too.
     */
    private static final class Entry implements Runnable, Thread.UncaughtExceptionHandler,
            Supplier<Thread.UncaughtExceptionHandler> {
        final Task<?> task;

        Entry(Task<?> task) {
            this.task = task;
        }

        // The body is called here, one frame from the thread's entry: no separate execute or runBody, and not
        // through Coro.call. Every frame below a park point is copied into the parked thread's stack chunk, most of
        // a sleeping task's memory, and until the JIT has compiled a new cell's lambda in, each of those frames is a
        // large interpreted one.
        @Override
        @SuppressWarnings("unchecked")
        public void run() {
            Execution<Object> x = (Execution<Object>) (Execution<?>) task;
            Loop loop = x.loop;
            loop.resumed(task);
            if (loop.tracer != null) {
                loop.tracer.started(task);
            }
            Object value = null;
            Throwable failure = null;
            try {
                if (x.cancelRequested) {
                    throw new CancelledError();
                }
                Object body = x.coro.body;
                if (body instanceof AsyncRunnable r) {
                    r.run();
                } else {
                    value = ((AsyncCallable<Object>) body).call();
                }
            } catch (InterruptedException e) {
                failure = x.cancelRequested ? new CancelledError() : e;
            } catch (Throwable e) {
                failure = e;
            }
            x.finish(value, failure);
        }

        /** Reports what escaped the task's own handling (a failing finish), as the thread that called run would. */
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            task.loop.caller.uncaughtException(t, e);
        }

        /** The handler of the thread that called {@code run}. */
        @Override
        public Thread.UncaughtExceptionHandler get() {
            return task.loop.caller;
        }
    }

    /**
     * Suspends this task, which must be the current one, until {@code f} completes or the task is cancelled.
     *
     * @throws CancelledError if cancellation arrived before or during the wait
     */
    <V> void suspend(CompletableFuture<V> f) {
        suspend(f, Function.identity(), null);
    }

    /**
     * Suspends this task, which must be the current one, until the future {@code source} makes from {@code key}
     * completes or the task is cancelled, and returns that future. In LOOP mode the tasks awaiting one key share
     * one such future, made by the first of them, and resume in the order they began waiting.
     *
     * @throws CancelledError if cancellation arrived before or during the wait
     */
    <K, V> CompletableFuture<V> suspend(K key, Function<? super K, CompletableFuture<V>> source) {
        return suspend(key, source, null);
    }

    /** {@link #suspend(Object, Function)}, naming the wait for LOOP's trace (null: the helper called). */
    private <K, V> CompletableFuture<V> suspend(K key, Function<? super K, CompletableFuture<V>> source,
            String where) {
        deliverCancel();
        loop.suspended(self());
        CompletableFuture<V> f;
        try {
            if (!looped) {
                f = source.apply(key);
                waitVirtual(f);
            } else {
                Tracer tracer = loop.tracer;
                if (tracer != null) {
                    tracer.suspends(self(), where);
                }
                f = loop.baton.await(self(), key, source);
                waitForBaton();
                if (tracer != null) {
                    tracer.resumed(self());
                }
            }
        } finally {
            loop.resumed(self());
        }
        deliverCancel();
        return f;
    }

    /** {@code sleep} in LOOP mode, and {@code sleep(0)} in either: the task waits its turn like any suspension. */
    void sleepSuspended(long nanos) {
        if (nanos == 0) {
            if (!looped) {
                Thread.yield();
            }
            suspend(Suspend.DONE, Function.identity(), Tracer.sleepLabel(0));
            return;
        }
        // on the clock itself, as in VIRTUAL: a timer future, its completion and a wake-up action per sleep were
        // 112 bytes a sleeping LOOP task
        long deadline = System.nanoTime() + nanos;
        deliverCancel();
        loop.suspended(self());
        int stamp = nextAlarm();
        try {
            Tracer tracer = loop.tracer;
            if (tracer != null) {
                tracer.suspends(self(), Tracer.sleepLabel(nanos));
            }
            loop.baton.sleep(self());
            Timers.ring(self(), stamp, deadline);
            waitForBaton();
            if (tracer != null) {
                tracer.resumed(self());
            }
        } finally {
            withdrawAlarm(stamp);
            loop.resumed(self());
        }
        deliverCancel();
    }

    /** VIRTUAL: sets this task's (the current one's) next alarm {@code nanos} from now; returns its number. */
    int armAlarm(long nanos) {
        int stamp = nextAlarm();
        Timers.ring(self(), stamp, System.nanoTime() + nanos);
        return stamp;
    }

    private int nextAlarm() {
        return ++sleeps == 0 ? ++sleeps : sleeps;
    }

    /** Whether alarm {@code stamp} is the one this task's latest sleep set (read under the baton's lock in LOOP). */
    boolean sleepsOn(int stamp) {
        return sleeps == stamp;
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
        if (looped) {
            loop.baton.ring(self(), stamp);
        } else if (sleeps == stamp) {
            LockSupport.unpark(thread);
        }
    }

    /** VIRTUAL, before this task (the current one) parks: a pending cancel arrives now, and the clock marks it waiting. */
    void beginWait() {
        deliverCancel();
        loop.suspended(self());
    }

    /** VIRTUAL, after this task's park: marks it running, then delivers a cancel that arrived meanwhile. */
    void endWait(boolean interrupted) {
        if (interrupted) {
            cancelRequested = true;
        }
        loop.resumed(self());
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

    /** LOOP: this task, now waiting for something, hands the baton on and parks until it is its turn again. */
    private void waitForBaton() {
        // a cancel requested before the task was waiting found nothing to wake (see requestCancel)
        if (cancelRequested) {
            loop.baton.wake(self());
        }
        loop.baton.pass();
        boolean interrupted = false;
        while (!go) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        go = false;
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
}
