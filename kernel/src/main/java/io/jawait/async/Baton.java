package io.jawait.async;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * LOOP mode's scheduler: the right to run, held by one task at a time and handed to ready tasks in the order
 * they became ready (asyncio's {@code call_soon} queue). Callbacks queue there too ({@link #callSoon}): the
 * thread passing the baton runs them, in turn, while it still holds it.
 *
 * <p>A lock, not {@code synchronized}, so nothing here pins a carrier thread on JDKs before 24.
 */
final class Baton {
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
            now = holder == null;
            if (now) {
                holder = t;
            } else {
                ready.add(t);
            }
        } finally {
            lock.unlock();
        }
        if (now) {
            t.resume();
        }
    }

    /**
     * Runs {@code callback} when its turn in the ready queue comes, as asyncio's {@code call_soon}: after the
     * tasks already ready, never in the middle of another task's step.
     */
    void callSoon(Runnable callback) {
        boolean now;
        lock.lock();
        try {
            now = holder == null;
            if (now) {
                holder = callback;
            } else {
                ready.add(callback);
            }
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
