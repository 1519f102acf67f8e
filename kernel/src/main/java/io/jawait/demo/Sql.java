package io.jawait.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain blocking JDBC: one statement with {@code ?} parameters, rows as ordered maps. */
final class Sql {

    private Sql() {
    }

    static List<Map<String, Object>> fetch(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, args)) {
            if (!statement.execute()) {
                return List.of();
            }
            try (ResultSet rows = statement.getResultSet()) {
                return readAll(rows);
            }
        }
    }

    /**
     * Runs a statement and returns a status like asyncpg's {@code execute}: {@code "SELECT 3"}, {@code "INSERT 1"},
     * {@code "UPDATE 2"}, or the statement's first word for DDL ({@code "CREATE"}).
     */
    static String execute(Connection connection, String sql, Object... args) throws SQLException {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        try (PreparedStatement statement = prepare(connection, sql, args)) {
            if (statement.execute()) {
                int count = 0;
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        count++;
                    }
                }
                return verb + " " + count;
            }
            int updated = statement.getUpdateCount();
            return verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE")
                    ? verb + " " + updated : verb;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL text is empty");
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int expected = statement.getParameterMetaData().getParameterCount();
            if (expected != args.length) {
                throw new IllegalArgumentException("the SQL has " + expected + " '?' parameter(s) but "
                        + args.length + " value(s) were given: " + sql);
            }
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static List<Map<String, Object>> readAll(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), rows.getObject(c));
            }
            result.add(row);
        }
        return result;
    }
}
