package io.jawait.async;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter of permits whose {@link #acquire()} suspends the task instead of blocking the thread:
 * asyncio's {@code Semaphore}.
 *
 * {@snippet :
 * AsyncSemaphore sem = Async.semaphore(2);
 * Coro<Void> job(AsyncSemaphore s) {
 *     return Async.async(() -> {
 *         try (AsyncSemaphore.Permit p = s.acquire()) {  // async with sem:
 *             Async.sleep(0.1);                          // at most two jobs in here at once
 *         }
 *     });
 * }
 * }
 *
 * <p><b>Cancellation.</b> A task cancelled while waiting for a permit gets {@link CancelledError} and takes
 * no permit. <b>Threads.</b> Thread safe; waiters get permits first come, first served, and in LOOP mode
 * waiting lets the other tasks run.
 */
public final class AsyncSemaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int permits;

    AsyncSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0, not " + permits);
        }
        this.permits = permits;
    }

    /**
     * Takes a permit, suspending until one is free; close the returned permit to give it back.
     *
     * @throws CancelledError if the task is cancelled while waiting
     */
    public Permit acquire() {
        CompletableFuture<Void> turn;
        lock.lock();
        try {
            if (permits > 0 && waiters.isEmpty()) {
                permits--;
                return new Permit();
            }
            turn = new CompletableFuture<>();
            waiters.add(turn);
        } finally {
            lock.unlock();
        }
        Suspend.await(turn, () -> giveUp(turn));
        return new Permit();
    }

    private void giveUp(CompletableFuture<Void> turn) {
        lock.lock();
        try {
            if (!waiters.remove(turn)) {
                // the permit was handed over just as the cancel arrived: pass it on
                release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit back, to the longest waiter if any. */
    public void release() {
        CompletableFuture<Void> next;
        lock.lock();
        try {
            next = waiters.poll();
            if (next == null) {
                permits++;
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.complete(null);
        }
    }

    /** Permits free right now. */
    public int available() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #acquire()} would have to wait: asyncio's {@code locked()}. */
    public boolean locked() {
        return available() == 0;
    }

    /** One permit taken; closing it (once) gives it back. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release();
            }
        }
    }
}
