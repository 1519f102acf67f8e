package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.CancelledError;
import io.jawait.async.Coro;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool of at most {@code n} connections: {@code acquire()} waits, without blocking the loop, while all are
 * in use. asyncpg's {@code create_pool}.
 *
 * {@snippet :
 * var db = AsyncDb.h2("demo");
 * var pool = db.pool(1);
 * Coro<Void> slow() {
 *     return Async.async(() -> {
 *         try (var conn = Async.await(pool.acquire())) { Async.await(conn.execute("SELECT pg_sleep(1)")); }
 *     });
 * }
 * Async.run(Async.async(() -> { Async.gather(slow(), slow(), slow()); }));   // about 3 s: one at a time
 * db.close();
 * }
 *
 * <p>Connections open on first need, so an idle pool costs nothing. Waiting acquirers are served first in,
 * first out; cancelling a waiting acquirer takes it out of the queue. Thread safe.
 */
public final class Pool implements AutoCloseable {

    private final DbSource source;
    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Deque<CompletableFuture<Conn>> waiters = new ArrayDeque<>();
    private int opened;
    private boolean closed;

    Pool(DbSource source, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 connection, not " + size);
        }
        this.source = source;
        this.size = size;
    }

    /**
     * A connection for the caller alone until it closes it (try-with-resources gives it back).
     *
     * @throws IllegalStateException (when awaited) if the pool is closed
     * @throws SQLException (when awaited) if a new connection cannot be opened
     */
    public Coro<Conn> acquire() {
        return Async.async("pool.acquire", () -> {
            boolean openNew;
            CompletableFuture<Conn> wait = null;
            lock.lock();
            try {
                checkOpen();
                if (!idle.isEmpty()) {
                    return wrap(idle.pop());
                }
                openNew = opened < size;
                if (openNew) {
                    opened++;
                } else {
                    wait = new CompletableFuture<>();
                    waiters.add(wait);
                }
            } finally {
                lock.unlock();
            }
            return openNew ? openOne() : awaitTurn(wait);
        });
    }

    /** The most connections this pool holds. */
    public int size() {
        return size;
    }

    /** Acquirers waiting for a connection right now. */
    public int waiting() {
        lock.lock();
        try {
            return (int) waiters.stream().filter(w -> !w.isDone()).count();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every connection; acquirers still waiting fail with IllegalStateException. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            waiters.forEach(w -> w.completeExceptionally(new IllegalStateException("the pool was closed")));
            waiters.clear();
            idle.forEach(this::closeQuietly);
            idle.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "<Pool size=" + size + " open=" + opened + " waiting=" + waiting() + ">";
    }

    private Conn openOne() throws Exception {
        try {
            return wrap(Offload.await("connect", source::open));
        } catch (Exception | Error e) {
            lock.lock();
            try {
                opened--;
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private Conn awaitTurn(CompletableFuture<Conn> wait) throws Exception {
        try {
            return Async.await(wait);
        } catch (CancelledError e) {
            if (!wait.cancel(false) && !wait.isCompletedExceptionally()) {
                wait.join().close();
            }
            throw e;
        }
    }

    private Conn wrap(Connection connection) {
        return new Conn(connection, this::release);
    }

    private void release(Conn conn) {
        lock.lock();
        try {
            if (closed) {
                closeQuietly(conn.jdbc());
                return;
            }
            CompletableFuture<Conn> next;
            while ((next = waiters.poll()) != null) {
                if (next.complete(wrap(conn.jdbc()))) {
                    return;
                }
            }
            idle.push(conn.jdbc());
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly(Connection connection) {
        source.forget(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a connection that fails to close is gone for this pool either way
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the pool was closed");
        }
    }
}
