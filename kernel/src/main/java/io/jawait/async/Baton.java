package io.jawait.async;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * LOOP mode's scheduler: the right to run, held by one task at a time and handed to ready tasks in the order
 * they became ready (asyncio's {@code call_soon} queue). Callbacks queue there too ({@link #callSoon}): the
 * thread passing the baton runs them, in turn, while it still holds it.
 *
 * <p>A suspended task is made ready once, by whichever comes first of what it waits for (a future, or its alarm
 * on the clock) and its cancellation: {@link Execution#waitingFor}, kept under this baton's lock, says whether it
 * still waits.
 *
 * <p>A lock, not {@code synchronized}, so nothing here pins a carrier thread on JDKs before 24.
 */
final class Baton {
    /** What a task sleeping in LOOP mode waits for: its own alarm on the clock. */
    static final Object CLOCK = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    // tasks and callbacks (Runnable)
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    // a task, or the callback that took the baton when nobody held it
    private Object holder;

    /** Makes {@code t} ready: it runs at once if nobody holds the baton, otherwise after those queued. */
    void enqueue(Task<?> t) {
        boolean now;
        lock.lock();
        try {
            now = readyLocked(t);
        } finally {
            lock.unlock();
        }
        if (now) {
            t.resume();
        }
    }

    /** {@code t}, the holder, is about to wait for {@code f}: it is made ready when {@code f} completes. */
    void await(Task<?> t, CompletableFuture<?> f) {
        lock.lock();
        try {
            t.waitingFor = f;
        } finally {
            lock.unlock();
        }
        f.whenComplete((v, e) -> wake(t, f));
    }

    /** {@code t}, the holder, is about to sleep: it is made ready by {@link #ring}. */
    void sleep(Task<?> t) {
        lock.lock();
        try {
            t.waitingFor = CLOCK;
        } finally {
            lock.unlock();
        }
    }

    /** The clock rings {@code t}'s alarm {@code stamp}; one from a sleep that has ended already is ignored. */
    void ring(Task<?> t, int stamp) {
        boolean now = false;
        lock.lock();
        try {
            if (t.waitingFor == CLOCK && t.sleepsOn(stamp)) {
                t.waitingFor = null;
                now = readyLocked(t);
            }
        } finally {
            lock.unlock();
        }
        if (now) {
            t.resume();
        }
    }

    /** Makes {@code t} ready if it still waits for anything: its cancellation has come. */
    void wake(Task<?> t) {
        wake(t, t);
    }

    // t is made ready if it still waits for `what`, or for anything if `what` is t itself
    private void wake(Task<?> t, Object what) {
        boolean now = false;
        lock.lock();
        try {
            Object w = t.waitingFor;
            if (w != null && (w == what || what == t)) {
                t.waitingFor = null;
                now = readyLocked(t);
            }
        } finally {
            lock.unlock();
        }
        if (now) {
            t.resume();
        }
    }

    // under the lock: queues x, or makes it the holder if nobody is; then the caller, unlocked, must start it
    private boolean readyLocked(Object x) {
        if (holder == null) {
            holder = x;
            return true;
        }
        ready.add(x);
        return false;
    }

    /**
     * Runs {@code callback} when its turn in the ready queue comes, as asyncio's {@code call_soon}: after the
     * tasks already ready, never in the middle of another task's step.
     */
    void callSoon(Runnable callback) {
        boolean now;
        lock.lock();
        try {
            now = readyLocked(callback);
        } finally {
            lock.unlock();
        }
        if (now) {
            runCallback(callback);
            pass();
        }
    }

    /** Called by the holder as it suspends or finishes: queued callbacks run, then the next ready task, if any. */
    void pass() {
        while (true) {
            Object next;
            lock.lock();
            try {
                next = ready.poll();
                if (!(next instanceof Runnable)) {
                    holder = next;
                }
            } finally {
                lock.unlock();
            }
            if (next instanceof Runnable callback) {
                runCallback(callback);
            } else {
                if (next != null) {
                    ((Task<?>) next).resume();
                }
                return;
            }
        }
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error e) {
            // asyncio logs a failing callback and goes on with the loop
            System.err.println("Exception in callback " + callback + ": " + e);
        }
    }

    Task<?> holder() {
        lock.lock();
        try {
            return holder instanceof Task<?> t ? t : null;
        } finally {
            lock.unlock();
        }
    }
}
