package io.jawait.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Where AsyncDb's connections come from: an H2 database in PostgreSQL mode or a real PostgreSQL, seeded. */
final class DbSource implements AutoCloseable {

    /** Work on one borrowed connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static final String[] SEED = {
        "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)",
        "INSERT INTO users (id, name) VALUES (1, 'Nitin'), (2, 'John'), (3, 'Ada') ON CONFLICT DO NOTHING",
        "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,"
                + " item VARCHAR(50) NOT NULL, quantity INTEGER NOT NULL)",
        "INSERT INTO orders (id, user_id, item, quantity) VALUES (1, 1, 'book', 2), (2, 2, 'pen', 10),"
                + " (3, 1, 'lamp', 1) ON CONFLICT DO NOTHING",
    };

    private final String url;
    private final boolean h2;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();

    private DbSource(String url, boolean h2) {
        this.url = url;
        this.h2 = h2;
    }

    static DbSource h2(String name) throws SQLException {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("an H2 database name is letters, digits and _, not: " + name);
        }
        var source = new DbSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", true);
        source.seed("CREATE ALIAS IF NOT EXISTS pg_sleep FOR 'io.jawait.demo.H2Functions.pgSleep'");
        return source;
    }

    static DbSource postgres(String jdbcUrl) throws SQLException {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL URL looks like jdbc:postgresql://127.0.0.1:5432/db"
                    + "?user=me&password=secret, not: " + jdbcUrl);
        }
        var source = new DbSource(jdbcUrl, false);
        source.seed();
        // a PostgreSQL connection costs tens of milliseconds (TCP, SCRAM): open the three that the notebooks'
        // gathered queries need now, so the first measured gather is not a measurement of logging in
        for (int i = 0; i < 2; i++) {
            source.giveBack(source.open());
        }
        return source;
    }

    boolean isH2() {
        return h2;
    }

    /** The URL without its password, fit to print. */
    String describe() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** A new connection that the caller owns, though {@link #close()} still closes it. */
    Connection open() throws SQLException {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            if (!h2 && "08001".equals(e.getSQLState()) && e.getMessage().startsWith("No suitable driver")) {
                throw new SQLException("no PostgreSQL JDBC driver on the classpath: add org.postgresql:postgresql"
                        + " (for example %maven org.postgresql:postgresql:42.7.13)", e);
            }
            throw e;
        }
        opened.add(connection);
        return connection;
    }

    /** Runs {@code work} on an idle connection, or a new one, and keeps it for the next call. */
    <T> T withConnection(Work<T> work) throws SQLException {
        Connection connection = takeIdle();
        if (connection == null) {
            connection = open();
        }
        try {
            T result = work.on(connection);
            giveBack(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            giveBack(connection);
            throw e;
        }
    }

    void forget(Connection connection) {
        opened.remove(connection);
    }

    /** Closes every connection; an H2 database is dropped, so the next AsyncDb.h2 of that name starts afresh. */
    @Override
    public void close() throws SQLException {
        if (h2) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // after SHUTDOWN H2 may refuse; the database is gone either way
            }
        }
        opened.clear();
    }

    private void seed(String... first) throws SQLException {
        withConnection(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : first) {
                    s.execute(sql);
                }
                for (String sql : SEED) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    private Connection takeIdle() throws SQLException {
        idleLock.lock();
        try {
            while (!idle.isEmpty()) {
                Connection connection = idle.pop();
                if (!connection.isClosed()) {
                    return connection;
                }
            }
            return null;
        } finally {
            idleLock.unlock();
        }
    }

    private void giveBack(Connection connection) throws SQLException {
        if (connection.isClosed() || !connection.getAutoCommit()) {
            forget(connection);
            connection.close();
            return;
        }
        idleLock.lock();
        try {
            idle.push(connection);
        } finally {
            idleLock.unlock();
        }
    }
}
