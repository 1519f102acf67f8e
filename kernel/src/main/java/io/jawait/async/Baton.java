package io.jawait.async;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * LOOP mode's scheduler: the right to run, held by one task at a time and handed to ready tasks in the order
 * they became ready (asyncio's {@code call_soon} queue).
 *
 * <p>A lock, not {@code synchronized}, so nothing here pins a carrier thread on JDKs before 24.
 */
final class Baton {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Task<?>> ready = new ArrayDeque<>();
    private Task<?> holder;

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

    /** Called by the holder as it suspends or finishes: the next ready task, if any, runs. */
    void pass() {
        Task<?> next;
        lock.lock();
        try {
            next = ready.poll();
            holder = next;
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.resume();
        }
    }

    Task<?> holder() {
        lock.lock();
        try {
            return holder;
        } finally {
            lock.unlock();
        }
    }
}
