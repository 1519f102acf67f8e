package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One database connection whose queries are coroutines: what {@code pool.acquire()} gives in asyncpg.
 *
 * {@snippet :
 * try (var db = AsyncDb.h2("demo"); var pool = db.pool(3)) {
 *     Async.run(Async.async(() -> {
 *         try (var conn = Async.await(pool.acquire())) {           // async with pool.acquire() as conn:
 *             System.out.println(Async.await(conn.fetch("SELECT * FROM users")));
 *         }
 *     }));
 * }
 * }
 *
 * <p>One connection runs one statement at a time: concurrent calls wait their turn, in order (asyncpg raises
 * "another operation is in progress" instead). Closing a pooled connection gives it back to its pool. Thread
 * safe.
 */
public final class Conn implements AutoCloseable {

    private final Connection connection;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final Consumer<Conn> onClose;
    private volatile boolean closed;

    Conn(Connection connection, Consumer<Conn> onClose) {
        this.connection = connection;
        this.onClose = onClose;
    }

    /**
     * All rows of a query; {@code ?} in the SQL take {@code args} in order.
     *
     * @throws IllegalArgumentException (when awaited) if the number of arguments does not match the SQL
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<List<Map<String, Object>>> fetch(String sql, Object... args) {
        return Async.async("conn.fetch", () -> onConnection(c -> Sql.fetch(c, sql, args)));
    }

    /**
     * The first row of a query, or {@code null} when there is none.
     *
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<Map<String, Object>> fetchOne(String sql, Object... args) {
        return Async.async("conn.fetchOne", () -> {
            var rows = onConnection(c -> Sql.fetch(c, sql, args));
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /**
     * Runs a statement and returns its status, as asyncpg's {@code execute}: {@code "SELECT 3"},
     * {@code "INSERT 1"}, {@code "CREATE"}.
     *
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<String> execute(String sql, Object... args) {
        return Async.async("conn.execute", () -> onConnection(c -> Sql.execute(c, sql, args)));
    }

    /** Gives the connection back to its pool, or closes it if it has none. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }

    Connection jdbc() {
        return connection;
    }


    @Override
    public String toString() {
        return closed ? "<Conn closed>" : "<Conn>";
    }

    private <T> T onConnection(DbSource.Work<T> work) throws Exception {
        if (closed) {
            throw new IllegalStateException("this connection was closed (or given back to its pool)");
        }
        return Offload.await("query", () -> {
            turn.lock();
            try {
                return work.on(connection);
            } finally {
                turn.unlock();
            }
        });
    }
}
