package io.jawait.demo;

import io.jawait.async.Async;
import io.jawait.async.Coro;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A database whose queries are coroutines, like Python's {@code databases} or asyncpg: embedded H2 in
 * PostgreSQL mode, or a real PostgreSQL.
 *
 * {@snippet :
 * try (var database = AsyncDb.h2("demo")) {
 *     var result = Async.await(database.fetchAll("SELECT * FROM users"));
 *     System.out.println(result);   // [{id=1, name=Nitin}, {id=2, name=John}, {id=3, name=Ada}]
 * }
 * }
 *
 * <p>Every database is seeded with {@code users(id, name)}: (1, Nitin), (2, John), (3, Ada), and
 * {@code orders(id, user_id, item, quantity)}; H2 also gets PostgreSQL's {@code pg_sleep(seconds)}. Column
 * names are lower case on both, rows are maps in column order, and {@code ?} marks a parameter.
 *
 * <p>JDBC blocks, and there is no standard asynchronous JDBC: each query runs on a virtual thread of its own
 * while the awaiting task suspends, so in LOOP mode other tasks keep running, as with asyncpg. Each call of
 * {@link #fetchAll}, {@link #fetchOne} or {@link #execute} uses its own connection, so concurrent calls run at
 * the same time; {@link #pool(int)} limits that and {@link #connect()} shares one connection.
 *
 * <p>Thread safe. {@link #close()} closes every connection made from it and drops an H2 database.
 */
public final class AsyncDb implements AutoCloseable {

    /** The environment variable naming a PostgreSQL JDBC URL for {@link #fromEnv(String)}. */
    public static final String PG_URL_VARIABLE = "JAWAIT_PG_URL";

    private final DbSource source;

    private AsyncDb(DbSource source) {
        this.source = source;
    }

    /**
     * An in-memory H2 database named {@code name} in PostgreSQL mode, seeded.
     *
     * @throws IllegalArgumentException if the name is not letters, digits and underscores
     * @throws SQLException if H2 cannot create it
     */
    public static AsyncDb h2(String name) throws SQLException {
        return new AsyncDb(DbSource.h2(name));
    }

    /**
     * A real PostgreSQL at {@code jdbcUrl} (such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=me}),
     * seeded; install/postgres.sh starts one.
     *
     * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL
     * @throws SQLException if the server cannot be reached or the driver is missing
     */
    public static AsyncDb postgres(String jdbcUrl) throws SQLException {
        return new AsyncDb(DbSource.postgres(jdbcUrl));
    }

    /**
     * PostgreSQL when the environment variable {@value #PG_URL_VARIABLE} is set, otherwise H2 named
     * {@code h2Name}: the same cells run on either.
     *
     * @throws SQLException if the database cannot be opened
     */
    public static AsyncDb fromEnv(String h2Name) throws SQLException {
        String url = System.getenv(PG_URL_VARIABLE);
        return url == null || url.isBlank() ? h2(h2Name) : postgres(url);
    }

    /**
     * All rows of a query: {@code await database.fetch_all(query)}.
     *
     * @throws IllegalArgumentException (when awaited) if the number of arguments does not match the SQL
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<List<Map<String, Object>>> fetchAll(String sql, Object... args) {
        return Async.async("db.fetchAll", () -> Offload.await("query",
                () -> source.withConnection(c -> Sql.fetch(c, sql, args))));
    }

    /**
     * The first row of a query, or {@code null} when there is none: {@code await database.fetch_one(query)}.
     *
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<Map<String, Object>> fetchOne(String sql, Object... args) {
        return Async.async("db.fetchOne", () -> {
            var rows = Offload.await("query", () -> source.withConnection(c -> Sql.fetch(c, sql, args)));
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /**
     * Runs a statement and returns its status, such as {@code "SELECT 3"} or {@code "INSERT 1"}.
     *
     * @throws SQLException (when awaited) if the database rejects the statement
     */
    public Coro<String> execute(String sql, Object... args) {
        return Async.async("db.execute", () -> Offload.await("query",
                () -> source.withConnection(c -> Sql.execute(c, sql, args))));
    }

    /**
     * A pool of at most {@code n} connections: {@code asyncpg.create_pool(max_size=n)}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Pool pool(int n) {
        return new Pool(source, n);
    }

    /**
     * One connection of its own, shared by whoever uses it; its statements run one at a time.
     *
     * @throws SQLException if no connection can be opened
     */
    public Conn connect() throws SQLException {
        Connection connection = source.open();
        return new Conn(connection, conn -> {
            source.forget(connection);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more can be done with a connection that fails to close
            }
        });
    }

    /**
     * A plain JDBC connection, blocking like any JDBC call: the "non-async DB client" of the notebooks.
     *
     * @throws SQLException if no connection can be opened
     */
    public Connection blockingConnection() throws SQLException {
        return source.open();
    }

    /** True for a real PostgreSQL, false for H2. */
    public boolean isPostgres() {
        return !source.isH2();
    }

    /** Closes every connection made from this database; an H2 database is dropped. */
    @Override
    public void close() throws SQLException {
        source.close();
    }

    @Override
    public String toString() {
        return "AsyncDb(" + source.describe() + ")";
    }
}
