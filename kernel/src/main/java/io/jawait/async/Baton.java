package io.jawait.async;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * LOOP mode's scheduler: the right to run, held by one task at a time and handed to ready tasks in the order
 * they became ready (asyncio's {@code call_soon} queue). Callbacks queue there too ({@link #callSoon}): the
 * thread passing the baton runs them, in turn, while it still holds it.
 *
 * <p>A suspended task is made ready once, by whichever comes first of what it waits for (a future, or its alarm
 * on the clock) and its cancellation: {@link Execution#waitingFor}, kept under this baton's lock, says whether it
 * still waits. Tasks waiting for one future are made ready in the order they began waiting ({@link Waiters}).
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
    // the waiters of each future being awaited, by identity: a user's Future or stage may define equals
    private final IdentityHashMap<Object, Waiters> waiting = new IdentityHashMap<>();

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

    /**
     * {@code t}, the holder, is about to wait for {@code key}, behind the tasks already waiting for it: it is made
     * ready when the future they share completes, and reads the outcome there. The first waiter makes that future
     * from the key with {@code source}; an already completed one makes {@code t} ready at once.
     *
     * @return the future to read the outcome from once {@code t} is resumed
     */
    @SuppressWarnings("unchecked")
    <K, T> CompletableFuture<T> await(Task<?> t, K key, Function<? super K, CompletableFuture<T>> source) {
        lock.lock();
        try {
            Waiters w = waiting.get(key);
            if (w != null) {
                w.add(t);
                return (CompletableFuture<T>) w.source;
            }
        } finally {
            lock.unlock();
        }
        // made unlocked: it may run a stage's own code, or start the thread that adapts a Future; only the holder
        // adds waiters, so none can have come meanwhile
        CompletableFuture<T> f = source.apply(key);
        Waiters w = null;
        lock.lock();
        try {
            if (f.isDone()) {
                readyLocked(t);
            } else {
                w = new Waiters(this, key, f);
                waiting.put(key, w);
                w.add(t);
            }
        } finally {
            lock.unlock();
        }
        if (w != null) {
            // if f completes before this line, w runs here, at once
            f.whenComplete(w);
        }
        return f;
    }

    /** {@code w}'s future has completed: its waiters are made ready, in the order they began waiting. */
    void wakeAll(Waiters w) {
        Task<?> first = null;
        lock.lock();
        try {
            waiting.remove(w.key, w);
            for (Task<?> t : w.takeAll()) {
                if (t == null) {
                    break;
                }
                if (readyLocked(t)) {
                    first = t;
                }
            }
        } finally {
            lock.unlock();
        }
        if (first != null) {
            first.resume();
        }
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

    /**
     * Makes {@code t} ready if it still waits: its cancellation has come. It leaves the waiters of its future, and
     * when the last of them has left, the future is forgotten (its action stays on it, with nobody to wake).
     */
    void wake(Task<?> t) {
        boolean now = false;
        lock.lock();
        try {
            Object what = t.waitingFor;
            if (what instanceof Waiters w && w.leave(t)) {
                waiting.remove(w.key, w);
            }
            if (what != null) {
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

    /** How many futures have tasks waiting for them: none once those tasks have all been woken. */
    int awaited() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
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
