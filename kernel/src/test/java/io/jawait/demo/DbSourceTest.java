package io.jawait.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbSourceTest {

    @Test
    void h2_is_seeded_with_lowercase_columns_like_postgresql() throws Exception {
        try (var db = DbSource.h2("seeded")) {
            var rows = db.withConnection(c -> Sql.fetch(c, "SELECT * FROM users ORDER BY id"));
            assertEquals(List.of(Map.of("id", 1, "name", "Nitin"), Map.of("id", 2, "name", "John"),
                    Map.of("id", 3, "name", "Ada")), rows);
            assertEquals(List.of("id", "name"), List.copyOf(rows.get(0).keySet()));
        }
    }

    @Test
    void pg_sleep_holds_the_query_for_its_seconds() throws Exception {
        try (var db = DbSource.h2("sleepy")) {
            long start = System.nanoTime();
            var row = db.withConnection(c -> Sql.fetch(c, "SELECT pg_sleep(0.3), name FROM users WHERE id = ?", 2));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("John", row.get(0).get("name"));
            assertTrue(seconds >= 0.3 && seconds < 1.5, "pg_sleep(0.3) took " + seconds);
        }
    }

    @Test
    void execute_reports_a_status_like_asyncpg() throws Exception {
        try (var db = DbSource.h2("status")) {
            assertEquals("SELECT 3", db.withConnection(c -> Sql.execute(c, "SELECT * FROM users")));
            assertEquals("INSERT 1", db.withConnection(c -> Sql.execute(c, "INSERT INTO users VALUES (?, ?)", 4, "Lin")));
            assertEquals("UPDATE 4", db.withConnection(c -> Sql.execute(c, "UPDATE users SET name = upper(name)")));
            assertEquals("CREATE", db.withConnection(c -> Sql.execute(c, "CREATE TABLE t (x INT)")));
        }
    }

    @Test
    void closing_drops_the_h2_database_so_the_next_one_starts_fresh() throws Exception {
        try (var db = DbSource.h2("fresh")) {
            db.withConnection(c -> Sql.execute(c, "DELETE FROM users"));
        }
        try (var db = DbSource.h2("fresh")) {
            assertEquals(3, db.withConnection(c -> Sql.fetch(c, "SELECT * FROM users")).size());
        }
    }

    @Test
    void bad_names_urls_sql_and_arguments_give_clear_errors() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DbSource.h2("no;way"));
        assertThrows(IllegalArgumentException.class, () -> DbSource.postgres("jdbc:mysql://x"));
        try (var db = DbSource.h2("errors")) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> db.withConnection(c -> Sql.fetch(c, "SELECT * FROM users WHERE id = ?")));
            assertTrue(e.getMessage().contains("1 '?' parameter(s) but 0"), e.getMessage());
            assertThrows(SQLException.class, () -> db.withConnection(c -> Sql.fetch(c, "SELEC nonsense")));
            assertThrows(IllegalArgumentException.class, () -> db.withConnection(c -> Sql.fetch(c, " ")));
            assertEquals(3, db.withConnection(c -> Sql.fetch(c, "SELECT * FROM users")).size());
        }
    }
}
